import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ReferenceData } from '../shared/reference-data';
import { countByStatus, notRecognised, UNRECOGNISED_ORDER, type UnrecognisedLink } from './matrix-recognition';

/**
 * One institution's gaps in the matrix: the scanners that do not recognise its codes and the
 * issuers whose codes it does not recognise, each with its link's status. Every name leads to that
 * institution's own gaps; the grid is one link away.
 */
@Component({
  selector: 'im-matrix-institution',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    <a mat-stroked-button class="back" [routerLink]="[]" [queryParams]="{ institution: null }" queryParamsHandling="merge">
      <span aria-hidden="true">←</span> {{ 'matrix.institution.back' | transloco }}
    </a>
    <div class="lists">
      @for (list of lists(); track list.id) {
        <section [attr.aria-labelledby]="list.id">
          <h3 [id]="list.id">{{ list.title | transloco: { name: name(), count: format.number(list.links.length), total: format.number(gaps().others) } }}</h3>
          @if (list.counts.length > 0) {
            <p class="counts">
              @for (c of list.counts; track c.status; let last = $last) {
                <span class="status" [class]="c.status">{{ statusLabels[c.status] | transloco }}</span> {{ format.number(c.count) }}@if (!last) {<span aria-hidden="true"> · </span>}
              }
            </p>
          }
          @if (list.links.length === 0) {
            <p class="empty">{{ list.none | transloco: { name: name() } }}</p>
          } @else {
            <div class="scroll">
              <table [attr.aria-labelledby]="list.id">
                <thead>
                  <tr>
                    <th scope="col">{{ list.column | transloco }}</th>
                    <th scope="col">{{ 'matrix.table.status' | transloco }}</th>
                    <th scope="col">{{ 'matrix.table.since' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (l of list.rows; track l.institution) {
                    <tr>
                      <td class="name">
                        <a [routerLink]="[]" [queryParams]="{ institution: l.institution }" queryParamsHandling="merge">{{ l.name }}</a>
                      </td>
                      <td><span class="status" [class]="l.status">{{ statusLabels[l.status] | transloco }}</span></td>
                      <td>{{ l.since ? format.date(l.since) : '—' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </section>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    .lists {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 40px;
      width: 100%;
    }
    section {
      flex: 1 1 320px;
      min-width: 0;
    }
    h3 {
      margin: 8px 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .counts {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font: var(--mat-sys-body-medium);
    }
    th {
      text-align: start;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    th,
    td {
      padding: 6px 12px 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      white-space: nowrap;
    }
    /* Chinese names may break between any two characters: the name column keeps a minimum width. */
    td.name {
      white-space: normal;
      min-width: 9em;
    }
    .status.suspended {
      color: var(--im-status-suspended);
    }
    .status.pilot,
    .status.planned {
      font-weight: 600;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MatrixInstitution {
  private readonly reference = inject(ReferenceData);
  protected readonly format = inject(LocaleFormat);

  /** The matrix of the city, period, mode and channel on the page. */
  readonly matrix = input.required<Matrix>();
  /** The institution whose gaps to list (an id). */
  readonly institution = input.required<string>();

  protected readonly statusLabels = LINK_STATUS_LABELS;
  protected readonly name = computed(() => this.reference.institutionName(this.institution()));
  protected readonly gaps = computed(() => notRecognised(this.matrix(), this.institution()));
  /** Both lists with names in the active language, by status (the pilots and suspensions stand out above the links never made), then by name in the language's order (pinyin in Chinese). */
  protected readonly lists = computed(() => {
    const { scanners, issuers } = this.gaps();
    return [
      {
        id: 'not-recognised-by',
        title: 'matrix.institution.scanners',
        none: 'matrix.institution.noScanners',
        column: 'matrix.table.scanner',
        links: scanners,
        counts: countByStatus(scanners),
        rows: this.named(scanners),
      },
      {
        id: 'not-recognising',
        title: 'matrix.institution.issuers',
        none: 'matrix.institution.noIssuers',
        column: 'matrix.table.issuer',
        links: issuers,
        counts: countByStatus(issuers),
        rows: this.named(issuers),
      },
    ];
  });

  private named(links: readonly UnrecognisedLink[]) {
    const rank = (l: UnrecognisedLink) => UNRECOGNISED_ORDER.indexOf(l.status);
    return links
      .map((l) => ({ ...l, name: this.reference.institutionName(l.institution) }))
      .sort((a, b) => rank(a) - rank(b) || this.format.compare(a.name, b.name));
  }
}
