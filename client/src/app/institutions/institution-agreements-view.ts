import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { InstitutionAgreements } from '../core/api/api-types';
import { AGREEMENT_KIND_LABELS, CHANNEL_LABELS, MODE_LABELS, RESTRICTION_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';

/** The agreements the institution declared in its as-of report for the period. */
@Component({
  selector: 'im-institution-agreements-view',
  imports: [MatProgressBarModule, MatTableModule, ProblemView, TranslocoPipe],
  template: `
    @if (agreements.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'institutions.agreements.loading' | transloco" />
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    } @else if (agreements.value(); as a) {
      @if (a.report; as r) {
        <p class="source">{{ 'institutions.agreements.source' | transloco: { period: format.period(r.period), version: r.version } }}</p>
      }
      @if (rows().length === 0) {
        <p class="empty">{{ (a.report ? 'institutions.agreements.empty' : 'institutions.agreements.noReport') | transloco }}</p>
      } @else {
        <div class="scroll scroll-hint" tabindex="0">
          <table mat-table [dataSource]="rows()" [attr.aria-label]="'institutions.agreements.title' | transloco">
            <ng-container matColumnDef="ref">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.ref' | transloco }}</th>
              <td mat-cell *matCellDef="let r"><code>{{ r.ref }}</code></td>
            </ng-container>
            <ng-container matColumnDef="counterparty">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.counterparty' | transloco }}</th>
              <td mat-cell *matCellDef="let r">{{ r.counterpartyName }}</td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.kind' | transloco }}</th>
              <td mat-cell *matCellDef="let r">{{ r.kindKey | transloco }}</td>
            </ng-container>
            <ng-container matColumnDef="exclusive">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.exclusive' | transloco }}</th>
              <td mat-cell *matCellDef="let r" [class.flag]="r.exclusive">{{ (r.exclusive ? 'institutions.yes' : 'institutions.no') | transloco }}</td>
            </ng-container>
            <ng-container matColumnDef="fee">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.fee' | transloco }}</th>
              <td mat-cell *matCellDef="let r">{{ r.feeText }}</td>
            </ng-container>
            <ng-container matColumnDef="scope">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.scope' | transloco }}</th>
              <td mat-cell *matCellDef="let r">
                {{ r.allCities ? ('institutions.agreements.allCities' | transloco) : r.citiesText }} ·
                @for (k of r.modeKeys; track k; let last = $last) {
                  {{ k | transloco }}{{ last ? '' : '/' }}
                } ·
                @for (k of r.channelKeys; track k; let last = $last) {
                  {{ k | transloco }}{{ last ? '' : '/' }}
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="restrictions">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.restrictions' | transloco }}</th>
              <td mat-cell *matCellDef="let r" [class.flag]="r.restrictionKeys.length > 0">
                @for (k of r.restrictionKeys; track k; let last = $last) {
                  {{ k | transloco }}{{ last ? '' : ', ' }}
                } @empty {
                  —
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="term">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.term' | transloco }}</th>
              <td mat-cell *matCellDef="let r">{{ r.effectiveText }} – {{ r.expiresText || ('institutions.agreements.openEnded' | transloco) }}</td>
            </ng-container>
            <ng-container matColumnDef="inForce">
              <th mat-header-cell *matHeaderCellDef>{{ 'institutions.agreements.inForce' | transloco }}</th>
              <td mat-cell *matCellDef="let r">{{ (r.inForce ? 'institutions.yes' : 'institutions.no') | transloco }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
      }
    }
  `,
  styles: `
    .empty,
    .source {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .scroll {
      overflow-x: auto;
    }
    th,
    td {
      white-space: nowrap;
    }
    td.mat-column-restrictions,
    td.mat-column-scope {
      white-space: normal;
      min-width: 10em;
    }
    td.flag {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionAgreementsView {
  private readonly reference = inject(ReferenceData);
  protected readonly format = inject(LocaleFormat);

  readonly institution = input.required<string>();
  readonly period = input<string | undefined>();

  protected readonly columns = ['ref', 'counterparty', 'kind', 'exclusive', 'fee', 'scope', 'restrictions', 'term', 'inForce'];
  protected readonly agreements = httpResource<InstitutionAgreements>(() => {
    const period = this.period();
    return { url: `/api/v1/institutions/${encodeURIComponent(this.institution())}/agreements`, params: period ? { period } : undefined };
  });
  protected readonly problem = computed(() => (this.agreements.error() ? problemOf(this.agreements.error()) : null));
  protected readonly rows = computed(() =>
    (this.agreements.value()?.items ?? []).map((a) => ({
      ref: a.ref,
      counterpartyName: this.reference.institutionName(a.counterparty),
      kindKey: AGREEMENT_KIND_LABELS[a.kind],
      exclusive: a.exclusive,
      feeText: a.feeBps === null ? '—' : `${this.format.number(a.feeBps)} bps`,
      allCities: a.scope.cities.includes('*'),
      citiesText: a.scope.cities.map((c) => this.reference.cityName(c)).join(', '),
      modeKeys: a.scope.modes.map((m) => MODE_LABELS[m].short),
      channelKeys: a.scope.channels.map((c) => CHANNEL_LABELS[c]),
      restrictionKeys: a.restrictions.map((r) => RESTRICTION_LABELS[r]),
      effectiveText: this.format.date(a.effective),
      expiresText: a.expires ? this.format.date(a.expires) : '',
      inForce: a.inForce,
    })),
  );
}
