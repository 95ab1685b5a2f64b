import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Institution } from '../core/api/api-types';
import { INSTITUTION_KIND_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';
import { ReferenceData } from '../shared/reference-data';

type SortColumn = 'name' | 'kind' | 'group' | 'systemic' | 'active';

/** Whether an institution matches the search text: its id, either name or its group. */
export function matchesInstitution(i: Institution, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return !needle || [i.id, i.name, i.nameZh, i.group].some((v) => v.toLowerCase().includes(needle));
}

/** Every institution of the reference data, searchable and sortable, each linking to its profile. */
@Component({
  selector: 'im-institutions-page',
  imports: [MatFormFieldModule, MatInputModule, MatSortModule, MatTableModule, RouterLink, TranslocoPipe],
  template: `
    <h1>{{ 'institutions.list.title' | transloco }}</h1>
    <mat-form-field appearance="outline" class="search" subscriptSizing="dynamic">
      <mat-label>{{ 'institutions.list.search' | transloco }}</mat-label>
      <input matInput type="search" [value]="query()" (input)="search($any($event.target).value)" />
    </mat-form-field>
    @if (reference.institutions().length === 0) {
      <p class="empty">{{ 'institutions.list.loading' | transloco }}</p>
    } @else if (rows().length === 0) {
      <p class="empty">{{ 'institutions.list.noMatch' | transloco }}</p>
    } @else {
      <div class="scroll scroll-hint" tabindex="0">
        <table mat-table matSort [matSortActive]="sortColumn()" [matSortDirection]="sortDirection()" (matSortChange)="sortBy($event)" [dataSource]="rows()" [attr.aria-label]="'institutions.list.title' | transloco">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'institutions.list.name' | transloco }}</th>
            <td mat-cell *matCellDef="let r"><a [routerLink]="['/institutions', r.id]">{{ r.name }}</a> <span class="id">{{ r.id }}</span></td>
          </ng-container>
          <ng-container matColumnDef="kind">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'institutions.list.kind' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.kindKey | transloco }}</td>
          </ng-container>
          <ng-container matColumnDef="group">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'institutions.list.group' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ r.group }}</td>
          </ng-container>
          <ng-container matColumnDef="systemic">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'institutions.list.systemic' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ (r.systemic ? 'institutions.yes' : 'institutions.no') | transloco }}</td>
          </ng-container>
          <ng-container matColumnDef="active">
            <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'institutions.list.active' | transloco }}</th>
            <td mat-cell *matCellDef="let r">{{ (r.active ? 'institutions.yes' : 'institutions.no') | transloco }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    h1 {
      margin: 0;
    }
    .search {
      width: min(360px, 100%);
    }
    .empty,
    .id {
      color: var(--mat-sys-on-surface-variant);
    }
    .id {
      font-size: 12px;
      margin-left: 4px;
    }
    .scroll {
      overflow-x: auto;
    }
    th,
    td {
      white-space: nowrap;
    }
    td.mat-column-name {
      white-space: normal;
      min-width: 10em;
    }
    a {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InstitutionsPage {
  private readonly router = inject(Router);
  private readonly format = inject(LocaleFormat);
  protected readonly reference = inject(ReferenceData);

  // Bound from the query parameters: the search and the sort live in the URL.
  readonly q = input<string>();
  readonly sort = input<string>();

  private readonly narrow = inject(Viewport).narrow;
  protected readonly columns = computed(() =>
    this.narrow() ? ['name', 'kind', 'active'] : ['name', 'kind', 'group', 'systemic', 'active'],
  );
  protected readonly query = computed(() => this.q() ?? '');
  protected readonly sortColumn = computed((): SortColumn => {
    const column = (this.sort() ?? 'name').replace(/^-/, '');
    return (['name', 'kind', 'group', 'systemic', 'active'] as const).find((c) => c === column) ?? 'name';
  });
  protected readonly sortDirection = computed(() => (this.sort()?.startsWith('-') ? 'desc' : 'asc'));

  protected readonly rows = computed(() => {
    const column = this.sortColumn();
    const sign = this.sortDirection() === 'desc' ? -1 : 1;
    const rows = this.reference
      .institutions()
      .filter((i) => matchesInstitution(i, this.query()))
      .map((i) => ({ ...i, name: this.format.name(i), kindKey: INSTITUTION_KIND_LABELS[i.kind] }));
    const key = (r: (typeof rows)[number]): string =>
      column === 'systemic' || column === 'active' ? String(Number(!r[column])) : r[column];
    return rows.sort((a, b) => sign * this.format.compare(key(a), key(b)) || this.format.compare(a.name, b.name));
  });

  protected search(q: string): void {
    void this.router.navigate([], { queryParams: { q: q || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected sortBy(sort: Sort): void {
    const value =
      !sort.direction || (sort.active === 'name' && sort.direction === 'asc')
        ? null
        : `${sort.direction === 'desc' ? '-' : ''}${sort.active}`;
    void this.router.navigate([], { queryParams: { sort: value }, queryParamsHandling: 'merge' });
  }
}
