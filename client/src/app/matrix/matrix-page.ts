import { BreakpointObserver } from '@angular/cdk/layout';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import type { ItemList, Matrix } from '../core/api/api-types';
import { CHANNEL_LABELS, MODE_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { MatrixChart } from './matrix-chart';
import { MatrixTable } from './matrix-table';

export const DEFAULT_CITY = '110000';

/** The scanners × issuers matrix of one city, period, mode and channel; the filters live in the URL. */
@Component({
  selector: 'im-matrix-page',
  imports: [MatButtonToggleModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule, MatrixChart, MatrixTable, ProblemView, TranslocoPipe],
  templateUrl: './matrix-page.html',
  styleUrl: './matrix-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixPage {
  private readonly router = inject(Router);
  private readonly reference = inject(ReferenceData);
  protected readonly format = inject(LocaleFormat);

  // Bound from the query parameters by the router (withComponentInputBinding).
  readonly city = input<string>();
  readonly period = input<string>();
  readonly mode = input<string>();
  readonly channel = input<string>();

  /** On a phone the two long mode labels cannot sit side by side: they stack. */
  protected readonly narrow = toSignal(inject(BreakpointObserver).observe('(max-width: 600px)').pipe(map((s) => s.matches)), { initialValue: false });
  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;

  private readonly periods = httpResource<ItemList<string>>(() => '/api/v1/periods');
  /** Newest first. */
  private readonly periodList = computed(() => (this.periods.hasValue() ? [...this.periods.value().items].reverse() : []));
  protected readonly periodOptions = computed(() => this.periodList().map((p) => ({ value: p, label: this.format.period(p) })));
  protected readonly cityOptions = computed(() => this.reference.cities().map((c) => ({ code: c.code, label: `${this.format.name(c)} (${c.code})` })));

  protected readonly selectedCity = computed(() => this.city() ?? DEFAULT_CITY);
  protected readonly selectedPeriod = computed(() => this.period() ?? this.periodList()[0]);
  protected readonly selectedMode = computed(() => (this.mode() === 'cpm' ? 'cpm' : 'mpm'));
  protected readonly selectedChannel = computed(() => (this.channel() === 'online' ? 'online' : 'offline'));

  protected readonly matrix = httpResource<Matrix>(() => {
    const period = this.selectedPeriod();
    if (!period) return undefined;
    return { url: '/api/v1/matrix', params: { city: this.selectedCity(), period, mode: this.selectedMode(), channel: this.selectedChannel() } };
  });
  protected readonly problem = computed(() => (this.matrix.error() ? problemOf(this.matrix.error()) : null));
  protected readonly cityTitle = computed(() => this.reference.cityName(this.selectedCity()));
  protected readonly noPeriods = computed(() => this.periods.hasValue() && this.periodList().length === 0);

  /** Changes one filter; the URL is the state, so a view can be shared or bookmarked. */
  protected setFilter(name: 'city' | 'period' | 'mode' | 'channel', value: string): void {
    const current = { city: this.selectedCity(), period: this.selectedPeriod(), mode: this.selectedMode(), channel: this.selectedChannel() };
    void this.router.navigate([], { queryParams: { ...current, [name]: value } });
  }
}
