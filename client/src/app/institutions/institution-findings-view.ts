import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FindingSummary } from '../core/api/api-types';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';

/** Findings in which the institution is a subject, most severe first; each opens at /findings/:id. */
@Component({
  selector: 'im-institution-findings-view',
  imports: [MatPaginatorModule, MatProgressBarModule, ProblemView, RouterLink, TranslocoPipe],
  template: `
    @if (findings.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'institutions.findings.loading' | transloco" />
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    } @else if (findings.hasValue() && items().length === 0) {
      <p class="empty">{{ 'institutions.findings.empty' | transloco }}</p>
    } @else if (items().length > 0) {
      <ul class="findings" [attr.aria-label]="'institutions.findings.title' | transloco">
        @for (f of items(); track f.id) {
          <li>
            <a [routerLink]="['/findings', f.id]" class="finding">
              <span class="meta">
                <span class="severity" [class]="'severity severity-' + f.severity">{{ f.severityKey | transloco }}</span>
                <code>{{ f.ruleId }}</code>
                <span>#{{ f.id }}</span>
                <span class="status">{{ f.statusKey | transloco }}</span>
                <span class="periods">{{ f.periodsText }}</span>
              </span>
              <span class="explanation">{{ f.explanation }}</span>
            </a>
          </li>
        }
      </ul>
      <mat-paginator
        [length]="total()"
        [pageIndex]="page() - 1"
        [pageSize]="pageSize()"
        [pageSizeOptions]="[10, 25, 50]"
        (page)="turnPage($event)"
        [attr.aria-label]="'institutions.findings.pages' | transloco"
      />
    }
  `,
  styles: `
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .findings {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .finding {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 10px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      color: inherit;
      text-decoration: none;
    }
    .finding:hover,
    .finding:focus-visible {
      background: color-mix(in srgb, var(--mat-sys-on-surface) 6%, transparent);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .severity {
      padding: 1px 8px;
      border-radius: 10px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .severity-high {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .severity-medium {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .severity-low {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .status,
    .periods {
      white-space: nowrap;
    }
    .explanation {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionFindingsView {
  private readonly format = inject(LocaleFormat);
  private readonly language = inject(Language);

  readonly institution = input.required<string>();

  protected readonly page = signal(1);
  protected readonly pageSize = signal(10);
  protected readonly findings = httpResource<{ items: FindingSummary[]; total: number }>(() => ({
    url: '/api/v1/findings',
    params: { institution: this.institution(), sort: '-severity', page: this.page(), pageSize: this.pageSize() },
  }));
  protected readonly problem = computed(() => (this.findings.error() ? problemOf(this.findings.error()) : null));
  protected readonly total = computed(() => this.findings.value()?.total ?? 0);
  protected readonly items = computed(() =>
    (this.findings.value()?.items ?? []).map((f) => ({
      id: f.id,
      ruleId: f.ruleId,
      severity: f.severity,
      severityKey: SEVERITY_LABELS[f.severity],
      statusKey: FINDING_STATUS_LABELS[f.status],
      periodsText:
        f.firstPeriod === f.lastPeriod
          ? this.format.period(f.firstPeriod)
          : `${this.format.period(f.firstPeriod)} – ${this.format.period(f.lastPeriod)}`,
      explanation: this.language.current() === 'zh-CN' ? f.explanationZh || f.explanation : f.explanation,
    })),
  );

  protected turnPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }
}
