import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { FindingStatus, PastExport, Problem, Severity } from '../core/api/api-types';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { ExportMenu } from '../findings/export-menu';
import { PER_FINDING_VIEW, VIEW_PARAM } from '../findings/finding-query';
import { type Downloaded, FileDownload, problemFromBlob } from '../shared/file-download';
import { problemOf } from '../shared/problem';
import { ExportCheck } from './export-check';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';

/** What an export.findings audit entry records. */
interface ExportDetails {
  /** 'case' for one row a case; absent for one row a finding (the exports made before cases say nothing). */
  by?: 'case' | 'finding';
  filename?: string;
  filters?: Record<string, unknown>;
  format?: string;
  rows?: number;
  sha256?: string;
  sort?: string;
}

/** Names a filter and its values in the interface's language; by default, as the API spells them. */
export interface FilterWords {
  name(filter: string): string;
  value(filter: string, value: string): string;
}

const AS_STORED: FilterWords = { name: (filter) => filter, value: (_, value) => value };

/** The filters of an export as a line: "rule EXCL-001 · status open, acknowledged"; empty for all findings. */
export function describeFilters(filters: Record<string, unknown> | undefined, words: FilterWords = AS_STORED): string {
  return Object.entries(filters ?? {})
    .map(
      ([name, value]) =>
        `${words.name(name)} ${(Array.isArray(value) ? value : [value]).map((v) => words.value(name, String(v))).join(', ')}`,
    )
    .join(' · ');
}

/** The findings filters an export may record, by the names the API gives them. */
const FILTER_NAMES: Record<string, string> = {
  rule: 'exports.past.filterNames.rule',
  status: 'exports.past.filterNames.status',
  severity: 'exports.past.filterNames.severity',
  institution: 'exports.past.filterNames.institution',
  city: 'exports.past.filterNames.city',
  period: 'exports.past.filterNames.period',
  q: 'exports.past.filterNames.q',
};

/** The filters of an export as the findings list's query parameters, to open the same list again. */
export function filtersAsQuery(filters: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]),
  );
}

/** The list an export was made from, to open it again: the cases for an export by case, the findings one by one otherwise. */
export function listQueryOf(details: Pick<ExportDetails, 'by' | 'filters'>): Record<string, string> {
  const filters = filtersAsQuery(details.filters);
  return details.by === 'case' ? filters : { ...filters, [VIEW_PARAM]: PER_FINDING_VIEW };
}

/**
 * The auditor's desk for exports: export every finding; the exports made so far as the audit trail
 * records them, each downloadable again while its file is kept; and checking a file against them.
 */
@Component({
  selector: 'im-exports-page',
  imports: [
    ExportCheck,
    ExportMenu,
    MatButtonModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './exports-page.html',
  styleUrl: './exports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportsPage {
  private readonly router = inject(Router);
  private readonly files = inject(FileDownload);
  protected readonly format = inject(LocaleFormat);
  private readonly transloco = inject(TranslocoService);
  // Asked for only when an export filtered by institution or city: the names cost two requests.
  private readonly injector = inject(Injector);

  readonly page = input<string>();

  protected readonly pageNumber = computed(() => Math.max(1, Number(this.page()) || 1));
  protected readonly pageSize = 25;
  private readonly narrow = inject(Viewport).narrow;
  /** On a phone: when, what, its hash (the figure an auditor matches a file against) and its kept file. */
  protected readonly columns = computed(() =>
    this.narrow() ? ['at', 'format', 'sha256', 'file'] : ['at', 'actor', 'format', 'filters', 'rows', 'sha256', 'file'],
  );

  /** GET /exports: the audit trail's export entries, which analysts may read too. */
  protected readonly exports = httpResource<{ items: PastExport[]; total: number }>(() => ({
    url: '/api/v1/exports',
    params: { page: this.pageNumber(), pageSize: this.pageSize },
  }));
  protected readonly rows = computed(() =>
    (this.exports.hasValue() ? this.exports.value().items : []).map((e) => {
      const d = e.details as ExportDetails;
      return {
        seq: e.seq,
        atText: this.format.dateTime(e.at, 'short'),
        actor: e.actor,
        format: (d.format ?? '').toUpperCase(),
        filename: d.filename ?? '',
        filtersText: describeFilters(d.filters, this.filterWords),
        listQuery: listQueryOf(d),
        rowsText: this.format.number(d.rows ?? null),
        sha256: d.sha256 ?? '',
        kept: e.file.kept,
        keptUntilText: e.file.keptUntil ? this.format.dateTime(e.file.keptUntil, 'short') : '',
      };
    }),
  );
  /**
   * Filters in words: statuses and severities as the findings list says them, institutions and
   * cities by name, periods as months. The scope's words are loaded before the page (route resolver).
   */
  private readonly filterWords: FilterWords = {
    name: (filter) => (FILTER_NAMES[filter] ? this.transloco.translate(FILTER_NAMES[filter]) : filter),
    value: (filter, value) => {
      if (filter === 'status' && value in FINDING_STATUS_LABELS)
        return this.transloco.translate(FINDING_STATUS_LABELS[value as FindingStatus]);
      if (filter === 'severity' && value in SEVERITY_LABELS) return this.transloco.translate(SEVERITY_LABELS[value as Severity]);
      if (filter === 'institution') return this.injector.get(ReferenceData).institutionName(value);
      if (filter === 'city') return this.injector.get(ReferenceData).cityName(value);
      if (filter === 'period') return this.format.period(value);
      return value;
    },
  };
  protected readonly total = computed(() => (this.exports.hasValue() ? this.exports.value().total : 0));
  protected readonly problem = computed(() => (this.exports.error() ? problemOf(this.exports.error()) : null));

  protected readonly downloading = signal<number | null>(null);
  protected readonly downloaded = signal<Downloaded | null>(null);
  protected readonly downloadProblem = signal<Problem | null>(null);

  /** A past export's exact bytes again, as recorded (same SHA-256). */
  protected async downloadAgain(seq: number, filename: string): Promise<void> {
    this.downloading.set(seq);
    this.downloaded.set(null);
    this.downloadProblem.set(null);
    try {
      this.downloaded.set(await this.files.download(`/api/v1/exports/${seq}/file`, {}, filename || `export-${seq}`));
    } catch (error) {
      this.downloadProblem.set(await problemFromBlob(error));
    } finally {
      this.downloading.set(null);
    }
  }

  protected turnPage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: { page: event.pageIndex === 0 ? null : event.pageIndex + 1 } });
  }
}
