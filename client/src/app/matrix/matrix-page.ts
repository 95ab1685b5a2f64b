import { DOCUMENT } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSliderModule } from '@angular/material/slider';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ItemList, Matrix } from '../core/api/api-types';
import { CHANNEL_LABELS, MODE_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { saveBlob } from '../shared/file-download';
import { FilterBar } from '../shared/filter-bar';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { MatrixChart } from './matrix-chart';
import { MatrixCompare } from './matrix-compare';
import { matrixCsv, matrixCsvName } from './matrix-csv';
import { cellKey, changedSinceFrame } from './matrix-diff';
import { MatrixInstitution } from './matrix-institution';
import { MatrixTable } from './matrix-table';

export const DEFAULT_CITY = '110000';
/** How long each period stays on screen while playing at normal speed, once its matrix has loaded. */
export const PLAY_STEP_MS = 1200;
/** The time-lapse's speeds, as multiples of the normal one. */
export const PLAY_SPEEDS = [0.5, 1, 2, 4] as const;

type Filter = 'city' | 'period' | 'mode' | 'channel' | 'compare' | 'institution';

/** The scanners × issuers matrix of one city, period, mode and channel; the filters live in the URL. */
@Component({
  selector: 'im-matrix-page',
  imports: [
    FilterBar,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSliderModule,
    MatrixChart,
    MatrixCompare,
    MatrixInstitution,
    MatrixTable,
    ProblemView,
    TranslocoPipe,
  ],
  templateUrl: './matrix-page.html',
  styleUrl: './matrix-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixPage {
  private readonly router = inject(Router);
  private readonly reference = inject(ReferenceData);
  private readonly document = inject(DOCUMENT);
  protected readonly format = inject(LocaleFormat);

  // Bound from the query parameters by the router (withComponentInputBinding).
  readonly city = input<string>();
  readonly period = input<string>();
  readonly mode = input<string>();
  readonly channel = input<string>();
  /** A second period to compare the first with. */
  readonly compare = input<string>();
  /** An institution whose gaps to list instead of the grid: who does not recognise its codes, whose codes it does not recognise. */
  readonly institution = input<string>();

  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;

  private readonly periods = httpResource<ItemList<string>>(() => '/api/v1/periods');
  /** Oldest first: the timeline's order. */
  protected readonly timeline = computed(() => (this.periods.hasValue() ? this.periods.value().items : []));
  /** Newest first. */
  protected readonly periodList = computed(() => [...this.timeline()].reverse());
  protected readonly periodOptions = computed(() => this.periodList().map((p) => ({ value: p, label: this.format.period(p) })));
  protected readonly cityOptions = computed(() =>
    this.reference.cities().map((c) => ({ code: c.code, label: this.format.withCode(this.format.name(c), c.code) })),
  );

  protected readonly selectedCity = computed(() => this.city() ?? DEFAULT_CITY);
  protected readonly selectedPeriod = computed(() => this.period() ?? this.periodList()[0]);
  protected readonly selectedMode = computed(() => (this.mode() === 'cpm' ? 'cpm' : 'mpm'));
  protected readonly selectedChannel = computed(() => (this.channel() === 'online' ? 'online' : 'offline'));
  /** The comparison period, when it is a known period other than the one shown. */
  protected readonly selectedCompare = computed(() => {
    const other = this.compare();
    return other && other !== this.selectedPeriod() && this.timeline().includes(other) ? other : null;
  });

  /** The shown period's place on the timeline (-1 while unknown). */
  protected readonly periodIndex = computed(() => this.timeline().indexOf(this.selectedPeriod() ?? ''));
  private readonly nextPeriod = computed(() => this.timeline()[this.periodIndex() + 1]);
  protected readonly periodLabel = (index: number) => this.format.period(this.timeline()[index]);
  /** Whether the timeline is playing: the period advances by itself, one month at a time. */
  protected readonly playing = signal(false);
  protected readonly speeds = PLAY_SPEEDS;
  /** How fast the timeline plays, a multiple of PLAY_STEP_MS's pace. */
  protected readonly speed = signal<(typeof PLAY_SPEEDS)[number]>(1);

  protected readonly matrix = httpResource<Matrix>(() => {
    const period = this.selectedPeriod();
    if (!period) return undefined;
    return {
      url: '/api/v1/matrix',
      params: { city: this.selectedCity(), period, mode: this.selectedMode(), channel: this.selectedChannel() },
    };
  });
  /** The matrix on screen: while the next one loads (say, while playing) the last one stays, so the map changes in place rather than blinking. */
  protected readonly shown = linkedSignal<Matrix | undefined, Matrix | undefined>({
    source: () => (this.matrix.hasValue() ? this.matrix.value() : undefined),
    computation: (next, previous) => next ?? (this.matrix.isLoading() ? previous?.value : undefined),
  });
  /** The frame shown before the one on screen, kept so that the time-lapse can mark what changed. */
  private readonly frames = linkedSignal<Matrix | undefined, { previous?: Matrix; current?: Matrix }>({
    source: this.shown,
    computation: (current, before) => ({ previous: before?.value.current ?? before?.value.previous, current }),
  });
  protected readonly frameChanges = computed(() => {
    const { previous, current } = this.frames();
    const changes = current ? changedSinceFrame(previous, current) : null;
    return changes && previous
      ? { since: previous.period, keys: new Set(changes.map((c) => cellKey(c.scanner, c.issuer))) }
      : { since: null, keys: new Set<string>() };
  });
  protected readonly comparison = httpResource<Matrix>(() => {
    const period = this.selectedCompare();
    if (!period) return undefined;
    return {
      url: '/api/v1/matrix',
      params: { city: this.selectedCity(), period, mode: this.selectedMode(), channel: this.selectedChannel() },
    };
  });
  protected readonly problem = computed(() => {
    const error = this.matrix.error() ?? this.comparison.error();
    return error ? problemOf(error) : null;
  });
  /** The institution whose gaps are listed, once it is known (in the matrix or the reference data); an unknown id in the URL shows the grid. */
  protected readonly selectedInstitution = computed(() => {
    const id = this.institution();
    if (!id) return null;
    return this.reference.institution(id) || this.shown()?.institutions.includes(id) ? id : null;
  });
  /** The matrix's institutions by name, in the language's order, for the gaps picker. */
  protected readonly institutionOptions = computed(() =>
    (this.shown()?.institutions ?? [])
      .map((id) => ({ id, label: this.reference.institutionName(id) }))
      .sort((a, b) => this.format.compare(a.label, b.label)),
  );
  protected readonly institutionName = (id: string) => this.reference.institutionName(id);
  protected readonly cityTitle = computed(() => this.reference.cityName(this.selectedCity()));
  protected readonly noPeriods = computed(() => this.periods.hasValue() && this.periodList().length === 0);

  constructor() {
    // While playing, each period stays until its matrix has loaded and then for PLAY_STEP_MS; at the last period, playing stops.
    effect((onCleanup) => {
      if (!this.playing() || this.matrix.isLoading()) return;
      const next = this.nextPeriod();
      if (!next) {
        this.playing.set(false);
        return;
      }
      const timer = setTimeout(() => this.setFilter('period', next, true), PLAY_STEP_MS / this.speed());
      onCleanup(() => clearTimeout(timer));
    });
  }

  /** Changes one filter; the URL is the state, so a view can be shared or bookmarked. Playing replaces the URL rather than piling up history. */
  protected setFilter(name: Filter, value: string | null, replaceUrl = false): void {
    const current = {
      city: this.selectedCity(),
      period: this.selectedPeriod(),
      mode: this.selectedMode(),
      channel: this.selectedChannel(),
      compare: this.selectedCompare(),
      institution: this.selectedInstitution(),
    };
    void this.router.navigate([], { queryParams: { ...current, [name]: value || null }, replaceUrl });
  }

  /** The slider moved (by hand): playing stops there. */
  protected choosePeriodAt(index: number): void {
    const period = this.timeline()[index];
    this.playing.set(false);
    if (period && period !== this.selectedPeriod()) this.setFilter('period', period);
  }

  /** Play from here (from the start when at the last period), or pause. */
  protected togglePlaying(): void {
    if (this.playing()) {
      this.playing.set(false);
      return;
    }
    if (!this.nextPeriod() && this.timeline().length > 1) this.setFilter('period', this.timeline()[0], true);
    this.playing.set(true);
  }

  /** Compares with the period before the one shown (or after it, at the first period). */
  protected compareWithPrevious(): void {
    const i = this.periodIndex();
    const other = this.timeline()[i > 0 ? i - 1 : i + 1];
    if (other) this.setFilter('compare', other);
  }

  /**
   * The matrix on screen as CSV, made here from the data already loaded: it holds exactly what the
   * page shows, costs the server nothing and opens no new path to defend (see matrix-csv.ts).
   */
  protected downloadCsv(matrix: Matrix): void {
    const text = matrixCsv(matrix, this.reference.city(matrix.city), (id) => this.reference.institution(id));
    saveBlob(this.document, new Blob([text], { type: 'text/csv;charset=utf-8' }), matrixCsvName(matrix));
  }
}
