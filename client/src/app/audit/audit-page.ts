import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AuditEntry, Problem } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { fromIsoDate, isoDate } from '../core/i18n/localized-date-adapter';
import { Viewport } from '../core/layout/viewport';
import { type Downloaded, FileDownload, problemFromBlob } from '../shared/file-download';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from './audit-actions';
import { type DetailValueNames, summariseDetails } from './audit-details';
import { AUDIT_PAGE_SIZES, type AuditQuery, auditFilterParams, auditParams, auditQueryParams, parseAuditQuery } from './audit-query';
import { AuditVerify } from './audit-verify';

/** The hash-chained audit trail, newest first, with filters in the URL and a chain verification. */
@Component({
  selector: 'im-audit-page',
  // The date picker's parts, not MatDatepickerModule: the module provides its own English
  // MatDatepickerIntl, which would hide the translated one (core/i18n/translated-datepicker-intl.ts).
  imports: [
    AuditVerify,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    ProblemView,
    TranslocoPipe,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly router = inject(Router);
  private readonly files = inject(FileDownload);
  protected readonly format = inject(LocaleFormat);
  private readonly transloco = inject(TranslocoService);
  private readonly translate = (key: string) => this.transloco.translate(key);
  private readonly reference = inject(ReferenceData);
  /** Institutions by name with their id (the id alone while unknown), periods as months: read in `rows`, so they follow the language and the reference data. */
  private readonly valueNames: DetailValueNames = {
    institution: (id) => {
      const name = this.reference.institutionName(id);
      return name === id ? id : this.format.withCode(name, id);
    },
    period: (period) => this.format.period(period),
  };

  // Bound from the query parameters by the router.
  readonly from = input<string>();
  readonly to = input<string>();
  readonly actor = input<string>();
  readonly action = input<string>();
  readonly target = input<string>();
  readonly logins = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly query = computed(() =>
    parseAuditQuery({
      from: this.from(),
      to: this.to(),
      actor: this.actor(),
      action: this.action(),
      target: this.target(),
      logins: this.logins(),
      page: this.page(),
      pageSize: this.pageSize(),
    }),
  );
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionLabels = AUDIT_ACTION_LABELS;
  protected readonly pageSizes = AUDIT_PAGE_SIZES;
  private readonly narrow = inject(Viewport).narrow;
  /** On a phone: what happened, when and by whom; the rest is in the whole entry. */
  protected readonly columns = computed(() =>
    this.narrow() ? ['seq', 'at', 'actor', 'action'] : ['seq', 'at', 'actor', 'action', 'target', 'details', 'hash'],
  );

  protected readonly entries = httpResource<{ items: AuditEntry[]; total: number }>(() => ({
    url: '/api/v1/audit',
    params: auditParams(this.query()),
  }));
  protected readonly rows = computed(() =>
    (this.entries.hasValue() ? this.entries.value().items : []).map((e) => ({
      ...e,
      atText: this.format.dateTime(e.at, 'medium'),
      // The rule engine writes as "system": a word, not a user's name.
      actorText: e.actor === 'system' ? this.translate('audit.systemActor') : e.actor,
      // The scope's words are loaded before the page (route resolver) and before a switch of language takes effect.
      details: summariseDetails(e.details, this.translate, e.action, this.valueNames),
      actionLabel: AUDIT_ACTION_LABELS[e.action],
    })),
  );
  protected readonly total = computed(() => (this.entries.hasValue() ? this.entries.value().total : 0));
  protected readonly problem = computed(() => (this.entries.error() ? problemOf(this.entries.error()) : null));
  protected readonly filtered = computed(() => {
    const q = this.query();
    return !!(q.from || q.to || q.actor || q.action.length || q.target || q.hideLogins);
  });

  protected readonly exporting = signal(false);
  protected readonly exported = signal<Downloaded | null>(null);
  protected readonly exportProblem = signal<Problem | null>(null);

  /** The entries the filters select (every page), as a file with its SHA-256; recorded in the trail. */
  protected async exportTrail(format: 'csv' | 'jsonl'): Promise<void> {
    this.exporting.set(true);
    this.exported.set(null);
    this.exportProblem.set(null);
    try {
      this.exported.set(
        await this.files.download('/api/v1/audit/export', { ...auditFilterParams(this.query()), format }, `interop-audit.${format}`),
      );
    } catch (error) {
      this.exportProblem.set(await problemFromBlob(error));
    } finally {
      this.exporting.set(false);
    }
  }

  protected setFilters(change: Partial<AuditQuery>): void {
    this.navigate({ ...this.query(), ...change, page: 1 });
  }

  protected readonly dateOf = fromIsoDate;

  /** A picked or typed day; one that cannot be read clears the filter rather than keeping a stale one. */
  protected setDate(bound: 'from' | 'to', date: Date | null): void {
    this.setFilters({ [bound]: date ? isoDate(date) : '' });
  }

  protected resetFilters(): void {
    this.navigate(parseAuditQuery({ pageSize: String(this.query().pageSize) }));
  }

  protected turnPage(event: PageEvent): void {
    this.navigate({ ...this.query(), page: event.pageSize === this.query().pageSize ? event.pageIndex + 1 : 1, pageSize: event.pageSize });
  }

  private navigate(query: AuditQuery): void {
    void this.router.navigate([], { queryParams: auditQueryParams(query) });
  }
}
