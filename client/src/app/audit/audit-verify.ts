import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { AuditVerification, Problem } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';

const REASON_LABELS: Record<'hash' | 'link' | 'sequence', string> = {
  hash: 'audit.verify.reason.hash',
  link: 'audit.verify.reason.link',
  sequence: 'audit.verify.reason.sequence',
};

/** The "Verify chain" button and its outcome: the head hash and entry count, or the first broken entry. */
@Component({
  selector: 'im-audit-verify',
  imports: [MatButtonModule, MatProgressSpinnerModule, ProblemView, TranslocoPipe],
  template: `
    <div class="row">
      <button mat-flat-button type="button" [disabled]="busy()" (click)="verify()">{{ 'audit.verify.button' | transloco }}</button>
      @if (busy()) {
        <mat-spinner diameter="20" [attr.aria-label]="'audit.verify.running' | transloco" />
      }
    </div>
    @if (result(); as r) {
      @if (r.ok) {
        <div class="outcome ok" role="status">
          <strong>{{ 'audit.verify.ok' | transloco: { entries: format.number(r.entries) } }}</strong>
          <span>{{ 'audit.verify.head' | transloco }} <code data-testid="audit-head">{{ r.head }}</code></span>
          <small>{{ 'audit.verify.checkedAt' | transloco: { at: format.dateTime(checkedAt(), 'medium') } }}</small>
        </div>
      } @else {
        <div class="outcome broken" role="alert">
          <strong>{{ 'audit.verify.broken' | transloco: { seq: r.brokenAt } }}</strong>
          <span>{{ reasonLabels[r.reason] | transloco }}</span>
        </div>
      }
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .outcome {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border-radius: 8px;
    }
    .outcome code {
      word-break: break-all;
    }
    .ok {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .broken {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .broken a {
      color: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditVerify {
  private readonly http = inject(HttpClient);
  protected readonly format = inject(LocaleFormat);
  protected readonly reasonLabels = REASON_LABELS;

  protected readonly busy = signal(false);
  protected readonly result = signal<AuditVerification | null>(null);
  protected readonly checkedAt = signal('');
  protected readonly problem = signal<Problem | null>(null);

  protected async verify(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.result.set(null);
    try {
      this.result.set(await firstValueFrom(this.http.get<AuditVerification>('/api/v1/audit/verify')));
      this.checkedAt.set(new Date().toISOString());
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
