import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ExportFormat, Problem } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ProblemView } from '../shared/problem-view';
import { problemFromBlob } from '../shared/file-download';
import { type ExportResult, FindingsExport } from './findings-export';

/** An Export menu (CSV, Excel, PDF, JSON) for the findings that match the given filters; shows the file's hash afterwards. */
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
      <button mat-menu-item type="button" (click)="exportAs('csv')">{{ 'findings.export.csv' | transloco }}</button>
      <button mat-menu-item type="button" (click)="exportAs('xlsx')">{{ 'findings.export.xlsx' | transloco }}</button>
      <button mat-menu-item type="button" (click)="exportAs('pdf')">{{ 'findings.export.pdf' | transloco }}</button>
      <button mat-menu-item type="button" (click)="exportAs('json')">{{ 'findings.export.json' | transloco }}</button>
    </mat-menu>
    @if (result(); as r) {
      <p class="done" role="status">
        {{ 'findings.export.done' | transloco: { filename: r.filename, rows: format.number(r.rows ?? 0) } }}
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
  readonly sort = input<string>();

  protected readonly busy = signal(false);
  protected readonly result = signal<ExportResult | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  protected async exportAs(format: ExportFormat): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.result.set(null);
    try {
      this.result.set(await this.exporter.download(format, this.filters(), this.sort()));
    } catch (error) {
      this.problem.set(await problemFromBlob(error));
    } finally {
      this.busy.set(false);
    }
  }
}
