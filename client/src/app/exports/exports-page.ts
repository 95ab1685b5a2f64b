import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { AuditEntry } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { ExportMenu } from '../findings/export-menu';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';

/** What an export.findings audit entry records. */
interface ExportDetails {
  filename?: string;
  filters?: Record<string, unknown>;
  format?: string;
  rows?: number;
  sha256?: string;
  sort?: string;
}

/** The filters of an export as a line: "rule EXCL-001 · status open, acknowledged"; empty for all findings. */
export function describeFilters(filters: Record<string, unknown> | undefined): string {
  return Object.entries(filters ?? {})
    .map(([name, value]) => `${name} ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join(' · ');
}

/** The filters of an export as the findings list's query parameters, to open the same list again. */
export function filtersAsQuery(filters: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(filters ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]));
}

/** The auditor's desk for exports: export every finding, and the exports made so far as the audit trail records them. */
@Component({
  selector: 'im-exports-page',
  imports: [ExportMenu, MatPaginatorModule, MatProgressBarModule, MatTableModule, ProblemView, RouterLink, TranslocoPipe],
  templateUrl: './exports-page.html',
  styleUrl: './exports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportsPage {
  private readonly router = inject(Router);
  protected readonly format = inject(LocaleFormat);

  readonly page = input<string>();

  protected readonly pageNumber = computed(() => Math.max(1, Number(this.page()) || 1));
  protected readonly pageSize = 25;
  private readonly narrow = inject(Viewport).narrow;
  /** On a phone: when, what and its hash, the figure an auditor matches a file against. */
  protected readonly columns = computed(() => (this.narrow() ? ['at', 'format', 'rows', 'sha256'] : ['at', 'actor', 'format', 'filters', 'rows', 'sha256']));

  /** GET /exports: the audit trail's export entries, which analysts may read too. */
  protected readonly exports = httpResource<{ items: AuditEntry[]; total: number }>(() => ({
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
        filtersText: describeFilters(d.filters),
        filtersQuery: filtersAsQuery(d.filters),
        rowsText: this.format.number(d.rows ?? null),
        sha256: d.sha256 ?? '',
      };
    }),
  );
  protected readonly total = computed(() => (this.exports.hasValue() ? this.exports.value().total : 0));
  protected readonly problem = computed(() => (this.exports.error() ? problemOf(this.exports.error()) : null));

  protected turnPage(event: PageEvent): void {
    void this.router.navigate([], { queryParams: { page: event.pageIndex === 0 ? null : event.pageIndex + 1 } });
  }
}
