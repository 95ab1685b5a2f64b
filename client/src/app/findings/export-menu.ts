import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ExportFormat, Problem } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ProblemView } from '../shared/problem-view';
import { problemFromBlob } from '../shared/file-download';
import { CASE_SORT_COLUMNS, FINDING_SORT_COLUMNS } from './finding-query';
import { type ExportResult, type ExportRows, FindingsExport } from './findings-export';

/** The sorts each kind of row takes: a list's sort goes along only where the export has it. */
const SORTS: Record<ExportRows, readonly string[]> = { case: CASE_SORT_COLUMNS, finding: FINDING_SORT_COLUMNS };
/** Every format takes either kind of row: a PDF of cases prints one section a case. */
const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf', 'json'];
const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'findings.export.csv',
  xlsx: 'findings.export.xlsx',
  pdf: 'findings.export.pdf',
  json: 'findings.export.json',
};

/**
 * An Export menu for the findings that match the given filters, one row per case or per finding, each
 * as CSV, Excel, PDF or JSON; shows the file's hash afterwards.
 */
@Component({
  selector: 'im-export-menu',
  imports: [MatButtonModule, MatMenuModule, MatProgressSpinnerModule, ProblemView, TranslocoPipe],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="formats" [disabled]="busy()">
      @if (busy()) {
        <mat-spinner diameter="16" class="spinner" />
      }
      {{ 'findings.export.button' | transloco }}
    </button>
    <mat-menu #formats="matMenu">
      <button mat-menu-item type="button" [matMenuTriggerFor]="byCase">{{ 'findings.export.byCase' | transloco }}</button>
      <button mat-menu-item type="button" [matMenuTriggerFor]="byFinding">{{ 'findings.export.byFinding' | transloco }}</button>
    </mat-menu>
    <mat-menu #byCase="matMenu">
      @for (f of exportFormats; track f) {
        <button mat-menu-item type="button" (click)="exportAs(f, 'case')">{{ formatLabels[f] | transloco }}</button>
      }
    </mat-menu>
    <mat-menu #byFinding="matMenu">
      @for (f of exportFormats; track f) {
        <button mat-menu-item type="button" (click)="exportAs(f, 'finding')">{{ formatLabels[f] | transloco }}</button>
      }
    </mat-menu>
    @if (result(); as r) {
      <p class="done" role="status">
        {{ (r.by === 'case' ? 'findings.export.doneCases' : 'findings.export.done') | transloco: { filename: r.filename, rows: format.number(r.rows ?? 0) } }}
        <span class="hash">{{ 'findings.export.hash' | transloco }} <code data-testid="export-hash">{{ r.sha256 }}</code></span>
      </p>
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      min-width: 0;
    }
    .spinner {
      display: inline-block;
      margin-right: 6px;
    }
    .done {
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 2px;
      max-width: 100%;
    }
    .hash code {
      word-break: break-all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportMenu {
  private readonly exporter = inject(FindingsExport);
  protected readonly format = inject(LocaleFormat);

  /** The filters of GET /findings to export with (no paging). */
  readonly filters = input<Record<string, string>>({});
  /** The list's sort, used by the rows that can be sorted so. */
  readonly sort = input<string>();

  protected readonly exportFormats = FORMATS;
  protected readonly formatLabels = FORMAT_LABELS;
  protected readonly busy = signal(false);
  protected readonly result = signal<ExportResult | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  protected async exportAs(format: ExportFormat, by: ExportRows): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.result.set(null);
    const sort = this.sort();
    try {
      this.result.set(
        await this.exporter.download(format, this.filters(), sort && SORTS[by].includes(sort.replace(/^-/, '')) ? sort : undefined, by),
      );
    } catch (error) {
      this.problem.set(await problemFromBlob(error));
    } finally {
      this.busy.set(false);
    }
  }
}
