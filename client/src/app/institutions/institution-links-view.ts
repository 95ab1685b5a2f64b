import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Channel, InstitutionLinks, Mode } from '../core/api/api-types';
import { LINK_STATUS_LABELS, RECONCILIATION_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';

/** How many city names a group shows before "and N more", and how many groups before "show more". */
const CITY_PREVIEW = 8;
const GROUP_PAGE = 5;

/** An institution's links as of a period, cities with the same links shown together. */
@Component({
  selector: 'im-institution-links-view',
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule, ProblemView, TranslocoPipe],
  template: `
    @if (links.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'institutions.links.loading' | transloco" />
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    } @else if (links.value(); as l) {
      @if (l.groups.length === 0) {
        <p class="empty">{{ 'institutions.links.empty' | transloco }}</p>
      } @else {
        <p class="summary">{{ 'institutions.links.summary' | transloco: { cities: format.number(l.cityCount), groups: format.number(l.groups.length) } }}</p>
        @for (g of groups(); track g.key) {
          <section class="group" [attr.aria-label]="'institutions.links.groupTitle' | transloco: g.titleParams">
            <h3>{{ 'institutions.links.groupTitle' | transloco: g.titleParams }}</h3>
            <p class="cities">
              {{ g.cityText }}
              @if (g.more > 0) {
                <button mat-button type="button" (click)="toggleCities(g.key)">
                  {{ (g.expanded ? 'institutions.links.fewerCities' : 'institutions.links.moreCities') | transloco: { count: g.more } }}
                </button>
              }
            </p>
            <div class="scroll scroll-hint" tabindex="0">
              <table mat-table [dataSource]="g.rows" [attr.aria-label]="'institutions.links.tableLabel' | transloco: g.titleParams">
                <ng-container matColumnDef="scanner">
                  <th mat-header-cell *matHeaderCellDef>{{ 'institutions.links.scanner' | transloco }}</th>
                  <td mat-cell *matCellDef="let r" [class.self]="r.scannerIsSelf">{{ r.scannerName }}</td>
                </ng-container>
                <ng-container matColumnDef="issuer">
                  <th mat-header-cell *matHeaderCellDef>{{ 'institutions.links.issuer' | transloco }}</th>
                  <td mat-cell *matCellDef="let r" [class.self]="!r.scannerIsSelf">{{ r.issuerName }}</td>
                </ng-container>
                <ng-container matColumnDef="status">
                  <th mat-header-cell *matHeaderCellDef>{{ 'institutions.links.status' | transloco }}</th>
                  <td mat-cell *matCellDef="let r">{{ r.statusKey | transloco }}</td>
                </ng-container>
                <ng-container matColumnDef="since">
                  <th mat-header-cell *matHeaderCellDef>{{ 'institutions.links.since' | transloco }}</th>
                  <td mat-cell *matCellDef="let r">{{ r.sinceText }}</td>
                </ng-container>
                <ng-container matColumnDef="reconciliation">
                  <th mat-header-cell *matHeaderCellDef>{{ 'institutions.links.reconciliation' | transloco }}</th>
                  <td mat-cell *matCellDef="let r" [class.disputed]="r.disputed">{{ r.reconciliationKey | transloco }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let row; columns: columns"></tr>
              </table>
            </div>
          </section>
        }
        @if (hiddenGroups() > 0) {
          <button mat-stroked-button type="button" (click)="shownGroups.set(shownGroups() + groupPage)">
            {{ 'institutions.links.moreGroups' | transloco: { count: hiddenGroups() } }}
          </button>
        }
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .empty,
    .summary,
    .cities {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    .scroll {
      overflow-x: auto;
    }
    th,
    td {
      white-space: nowrap;
    }
    td.self {
      font-weight: 600;
    }
    td.disputed {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionLinksView {
  private readonly reference = inject(ReferenceData);
  protected readonly format = inject(LocaleFormat);
  private readonly language = inject(Language);

  readonly institution = input.required<string>();
  readonly period = input<string | undefined>();
  readonly mode = input<Mode>('mpm');
  readonly channel = input<Channel>('offline');

  protected readonly groupPage = GROUP_PAGE;
  protected readonly shownGroups = signal(GROUP_PAGE);
  private readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly columns = ['scanner', 'issuer', 'status', 'since', 'reconciliation'];

  protected readonly links = httpResource<InstitutionLinks>(() => {
    const params: Record<string, string> = { mode: this.mode(), channel: this.channel() };
    const period = this.period();
    if (period) params['period'] = period;
    return { url: `/api/v1/institutions/${encodeURIComponent(this.institution())}/links`, params };
  });
  protected readonly problem = computed(() => (this.links.error() ? problemOf(this.links.error()) : null));
  protected readonly hiddenGroups = computed(() => Math.max(0, (this.links.value()?.groups.length ?? 0) - this.shownGroups()));

  /** The groups shown, with city names and link rows in the active language. */
  protected readonly groups = computed(() => {
    const self = this.institution();
    const separator = this.language.current() === 'zh-CN' ? '、' : ', ';
    return (this.links.value()?.groups ?? []).slice(0, this.shownGroups()).map((g) => {
      const key = g.cities[0] ?? '';
      const expanded = this.expanded().has(key);
      const names = g.cities.map((c) => this.reference.cityName(c));
      const shown = expanded ? names : names.slice(0, CITY_PREVIEW);
      return {
        key,
        expanded,
        titleParams: { count: this.format.number(g.cities.length), first: names[0] ?? '' },
        cityText: shown.join(separator),
        more: Math.max(0, names.length - CITY_PREVIEW),
        rows: g.links.map((l) => ({
          scannerIsSelf: l.scanner === self,
          scannerName: this.reference.institutionName(l.scanner),
          issuerName: this.reference.institutionName(l.issuer),
          statusKey: LINK_STATUS_LABELS[l.status],
          sinceText: this.format.date(l.since),
          reconciliationKey: RECONCILIATION_LABELS[l.reconciliation],
          disputed: l.reconciliation === 'disputed',
        })),
      };
    });
  });

  protected toggleCities(key: string): void {
    const next = new Set(this.expanded());
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded.set(next);
  }
}
