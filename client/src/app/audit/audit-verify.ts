import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { AuditVerification, Problem } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { type Downloaded, FileDownload, problemFromBlob } from '../shared/file-download';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';

const REASON_LABELS: Record<'hash' | 'link' | 'sequence', string> = {
  hash: 'audit.verify.reason.hash',
  link: 'audit.verify.reason.link',
  sequence: 'audit.verify.reason.sequence',
};

const HEAD = /^[0-9a-fA-F]{64}$/;

/**
 * The "Verify chain" button and its outcome: the head hash and entry count, or the first broken
 * entry; against a head noted earlier, whether the trail still contains it; and the outcome as a
 * certificate file to keep.
 */
@Component({
  selector: 'im-audit-verify',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressSpinnerModule, ProblemView, TranslocoPipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="head">
      <mat-label>{{ 'audit.verify.earlierHead' | transloco }}</mat-label>
      <input matInput name="earlierHead" autocomplete="off" spellcheck="false" [value]="earlierHead()" (input)="earlierHead.set($any($event.target).value.trim())" />
      <mat-hint>{{ 'audit.verify.earlierHeadHint' | transloco }}</mat-hint>
      @if (headInvalid()) {
        <mat-error>{{ 'audit.verify.earlierHeadInvalid' | transloco }}</mat-error>
      }
    </mat-form-field>
    <div class="row">
      <button mat-flat-button type="button" [disabled]="busy() || headInvalid()" (click)="verify()">{{ 'audit.verify.button' | transloco }}</button>
      <button mat-stroked-button type="button" [disabled]="busy() || headInvalid()" (click)="downloadCertificate()">{{ 'audit.verify.certificate' | transloco }}</button>
      @if (busy()) {
        <mat-spinner diameter="20" [attr.aria-label]="'audit.verify.running' | transloco" />
      }
    </div>
    @if (certificate(); as c) {
      <p class="certificate" role="status">{{ 'audit.verify.certificateSaved' | transloco: { filename: c.filename } }} <code>{{ c.sha256 }}</code></p>
    }
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
      @if (r.contains !== undefined) {
        <div class="outcome" [class.ok]="r.contains" [class.broken]="!r.contains" [attr.role]="r.contains ? 'status' : 'alert'" data-testid="audit-contains">
          @if (r.contains) {
            <strong>{{ 'audit.verify.containsYes' | transloco: { seq: r.containsAt } }}</strong>
          } @else {
            <strong>{{ 'audit.verify.containsNo' | transloco }}</strong>
          }
          <code>{{ checkedHead() }}</code>
        </div>
      }
    }
    @if (problem(); as p) {
      <im-problem-view [problem]="p" />
    }
  `,
  styleUrl: '../shared/check-outcome.scss',
  styles: `
    .head {
      width: min(100%, 46em);
    }
    .head input {
      font-family: monospace;
    }
    code {
      word-break: break-all;
    }
    .certificate {
      margin: 0;
      word-break: break-all;
    }
    .broken a {
      color: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditVerify {
  private readonly http = inject(HttpClient);
  private readonly files = inject(FileDownload);
  protected readonly format = inject(LocaleFormat);
  protected readonly reasonLabels = REASON_LABELS;

  protected readonly busy = signal(false);
  protected readonly result = signal<AuditVerification | null>(null);
  protected readonly checkedAt = signal('');
  protected readonly problem = signal<Problem | null>(null);
  /** A head hash noted at an earlier check, pasted in. */
  protected readonly earlierHead = signal('');
  protected readonly headInvalid = computed(() => this.earlierHead() !== '' && !HEAD.test(this.earlierHead()));
  /** The head the shown outcome was checked against. */
  protected readonly checkedHead = signal('');
  protected readonly certificate = signal<Downloaded | null>(null);

  private params(): Record<string, string> {
    const head = this.earlierHead().toLowerCase();
    return head ? { head } : {};
  }

  protected async verify(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.result.set(null);
    try {
      const params = this.params();
      this.result.set(await firstValueFrom(this.http.get<AuditVerification>('/api/v1/audit/verify', { params })));
      this.checkedHead.set(params['head'] ?? '');
      this.checkedAt.set(new Date().toISOString());
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** The same check as a file to keep, its SHA-256 recorded in the trail. */
  protected async downloadCertificate(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    this.certificate.set(null);
    try {
      this.certificate.set(await this.files.download('/api/v1/audit/verify/certificate', this.params(), 'interop-audit-verification.json'));
    } catch (error) {
      this.problem.set(await problemFromBlob(error));
    } finally {
      this.busy.set(false);
    }
  }
}
