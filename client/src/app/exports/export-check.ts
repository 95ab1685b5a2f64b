import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { ExportCheck as ExportCheckAnswer, Problem } from '../core/api/api-types';
import { AUDIT_ACTION_LABELS } from '../audit/audit-actions';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';

/** "Check a file": uploads a file and says which export records its bytes, by SHA-256, or that none does. */
@Component({
  selector: 'im-export-check',
  imports: [MatButtonModule, MatProgressSpinnerModule, ProblemView, TranslocoPipe],
  template: `
    <div class="row">
      <input #picker type="file" class="picker" (change)="check($any($event.target).files?.[0]); picker.value = ''" [attr.aria-label]="'exports.check.choose' | transloco" />
      <button mat-flat-button type="button" [disabled]="busy()" (click)="picker.click()">{{ 'exports.check.choose' | transloco }}</button>
      @if (busy()) {
        <mat-spinner diameter="20" [attr.aria-label]="'exports.check.running' | transloco" />
      }
    </div>
    @if (answer(); as a) {
      <div class="outcome ok" role="status" data-testid="export-check-outcome">
        <strong>{{ 'exports.check.matches' | transloco: { name: checkedName() } }}</strong>
        <ul>
          @for (r of a.records; track r.seq) {
            <li>
              {{ actionLabels[r.action] | transloco }} ·
              {{ 'exports.check.record' | transloco: { seq: r.seq, at: format.dateTime(r.at, 'short'), actor: r.actor } }}
              @if (r.details['filename']) {
                · <code>{{ r.details['filename'] }}</code>
              }
            </li>
          }
        </ul>
        <span>SHA-256 <code>{{ a.sha256 }}</code></span>
      </div>
    }
    @if (unmatched()) {
      <div class="outcome broken" role="alert" data-testid="export-check-outcome">
        <strong>{{ 'exports.check.none' | transloco: { name: checkedName() } }}</strong>
      </div>
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    }
  `,
  styleUrl: '../shared/check-outcome.scss',
  styles: `
    .picker {
      display: none;
    }
    .outcome ul {
      margin: 0;
      padding-left: 1.2em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportCheck {
  private readonly http = inject(HttpClient);
  protected readonly format = inject(LocaleFormat);
  protected readonly actionLabels = AUDIT_ACTION_LABELS;

  protected readonly busy = signal(false);
  protected readonly checkedName = signal('');
  protected readonly answer = signal<ExportCheckAnswer | null>(null);
  /** Set when no record has the file's hash (404 EXPORT_NOT_MATCHED). */
  protected readonly unmatched = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected async check(file: File | undefined): Promise<void> {
    if (!file) return;
    this.busy.set(true);
    this.answer.set(null);
    this.unmatched.set(false);
    this.problem.set(null);
    this.checkedName.set(file.name);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      this.answer.set(await firstValueFrom(this.http.post<ExportCheckAnswer>('/api/v1/exports/check', form)));
    } catch (error) {
      const problem = problemOf(error);
      if (problem.code === 'EXPORT_NOT_MATCHED') this.unmatched.set(true);
      else this.problem.set(problem);
    } finally {
      this.busy.set(false);
    }
  }
}
