import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CASE_SORT_COLUMNS,
  carriedTo,
  FINDING_SORT_COLUMNS,
  type FindingQuery,
  type ListView,
  PER_FINDING_VIEW,
  toQueryParams,
  VIEW_PARAM,
} from './finding-query';

/**
 * "Cases | Findings": the same filters as cases (one row per rule, subjects, mode and channel) or as
 * findings (one row per city). Links, not toggles: each view is a URL one can share or open in a tab.
 */
@Component({
  selector: 'im-list-view-switch',
  imports: [RouterLink, TranslocoPipe],
  template: `
    <nav class="switch" [attr.aria-label]="'findings.view.label' | transloco">
      <a routerLink="/findings" [queryParams]="casesParams()" [attr.aria-current]="view() === 'cases' ? 'page' : null" data-testid="view-cases">
        {{ 'findings.view.cases' | transloco }}
      </a>
      <a routerLink="/findings" [queryParams]="findingsParams()" [attr.aria-current]="view() === 'findings' ? 'page' : null" data-testid="view-findings">
        {{ 'findings.view.findings' | transloco }}
      </a>
    </nav>
  `,
  styles: `
    .switch {
      display: inline-flex;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 20px;
      overflow: hidden;
    }
    a {
      padding: 6px 16px;
      color: var(--mat-sys-on-surface);
      text-decoration: none;
      white-space: nowrap;
      min-height: 24px;
      line-height: 24px;
    }
    a + a {
      border-left: 1px solid var(--mat-sys-outline);
    }
    a[aria-current='page'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 500;
    }
    a:hover {
      background: color-mix(in srgb, var(--mat-sys-on-surface) 8%, transparent);
    }
    a:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListViewSwitch {
  /** The view shown now. */
  readonly view = input.required<ListView>();
  /** Its filters, carried to the other view. */
  readonly query = input.required<FindingQuery>();

  protected readonly casesParams = computed(() => toQueryParams(carriedTo(this.query(), CASE_SORT_COLUMNS)));
  protected readonly findingsParams = computed(() => ({
    ...toQueryParams(carriedTo(this.query(), FINDING_SORT_COLUMNS)),
    [VIEW_PARAM]: PER_FINDING_VIEW,
  }));
}
