import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Channel, Institution, ItemList, Mode } from '../core/api/api-types';
import { CHANNEL_LABELS, INSTITUTION_KIND_LABELS, MODE_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { InstitutionAgreementsView } from './institution-agreements-view';
import { InstitutionFindingsView } from './institution-findings-view';
import { InstitutionLinksView } from './institution-links-view';
import { InstitutionReportsView } from './institution-reports-view';
import { OpennessChart } from './openness-chart';

/** The filters of the profile as the URL holds them, with their defaults filled in. */
export function profileFilters(
  query: { period?: string; mode?: string; channel?: string },
  periods: string[],
): { period: string | undefined; mode: Mode; channel: Channel } {
  const latest = [...periods].sort().at(-1);
  return {
    period: query.period && /^\d{4}-\d{2}$/.test(query.period) ? query.period : latest,
    mode: query.mode === 'cpm' ? 'cpm' : 'mpm',
    channel: query.channel === 'online' ? 'online' : 'offline',
  };
}

/** One institution: who it is, how open it is over time, its links, agreements, reports and findings. */
@Component({
  selector: 'im-institution-profile',
  imports: [
    InstitutionAgreementsView,
    InstitutionFindingsView,
    InstitutionLinksView,
    InstitutionReportsView,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    OpennessChart,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './institution-profile.html',
  styleUrl: './institution-profile.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionProfile {
  private readonly router = inject(Router);
  private readonly language = inject(Language);
  protected readonly format = inject(LocaleFormat);

  // Bound by the router: the id from the path, the filters from the query parameters.
  readonly id = input.required<string>();
  readonly period = input<string>();
  readonly mode = input<string>();
  readonly channel = input<string>();

  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;

  protected readonly institution = httpResource<Institution>(() => `/api/v1/institutions/${encodeURIComponent(this.id())}`);
  protected readonly problem = computed(() => (this.institution.error() ? problemOf(this.institution.error()) : null));
  protected readonly periodList = httpResource<ItemList<string>>(() => '/api/v1/periods');
  protected readonly periods = computed(() => (this.periodList.hasValue() ? this.periodList.value().items : []));
  protected readonly periodOptions = computed(() => [...this.periods()].reverse().map((p) => ({ value: p, label: this.format.period(p) })));
  protected readonly filters = computed(() =>
    profileFilters({ period: this.period(), mode: this.mode(), channel: this.channel() }, this.periods()),
  );

  protected readonly name = computed(() => (this.institution.value() ? this.format.name(this.institution.value()) : this.id()));
  /** The name in the other language, as a subtitle. */
  protected readonly otherName = computed(() => {
    const i = this.institution.value();
    if (!i) return '';
    return this.language.current() === 'zh-CN' ? i.name : i.nameZh;
  });
  protected readonly kindKey = computed(() => {
    const i = this.institution.value();
    return i ? INSTITUTION_KIND_LABELS[i.kind] : '';
  });

  /** Changes one filter; the URL is the state, so a view can be shared or bookmarked. */
  protected setFilter(name: 'period' | 'mode' | 'channel', value: string): void {
    void this.router.navigate([], { queryParams: { ...this.filters(), [name]: value } });
  }
}
