import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Problem } from '../core/api/api-types';
import { CLIENT_PROBLEM } from './problem';

interface ProblemText {
  /** Translation key of the title. */
  title: string;
  /** Translation key of the detail; without it the server's own detail is shown. */
  detail?: string;
}

const SHOWN_ERRORS = 5;

/** Problems whose wording the client knows, by their stable code. */
const BY_CODE: Record<string, ProblemText> = {
  [CLIENT_PROBLEM.unreachable]: { title: 'errors.unreachable.title', detail: 'errors.unreachable.detail' },
  [CLIENT_PROBLEM.unexpected]: { title: 'errors.unexpected.title' },
  BAD_CREDENTIALS: { title: 'errors.badCredentials.title', detail: 'errors.badCredentials.detail' },
  RATE_LIMITED: { title: 'errors.rateLimited.title', detail: 'errors.rateLimited.detail' },
  UNAUTHENTICATED: { title: 'errors.sessionExpired.title', detail: 'errors.sessionExpired.detail' },
  SESSION_REQUIRED: { title: 'errors.sessionExpired.title', detail: 'errors.sessionExpired.detail' },
  FORBIDDEN: { title: 'errors.forbidden.title', detail: 'errors.forbidden.detail' },
  CSRF_TOKEN_MISMATCH: { title: 'errors.csrf.title', detail: 'errors.csrf.detail' },
  PAYLOAD_TOO_LARGE: { title: 'errors.tooLarge.title' },
  TOO_BIG: { title: 'errors.tooLarge.title' },
};

/** Otherwise the title by HTTP status, with the server's detail (which names the specifics, in English). */
const BY_STATUS: Record<number, ProblemText> = {
  400: { title: 'errors.status.badRequest' },
  401: { title: 'errors.sessionExpired.title' },
  403: { title: 'errors.forbidden.title' },
  404: { title: 'errors.status.notFound' },
  409: { title: 'errors.status.conflict' },
  413: { title: 'errors.tooLarge.title' },
  422: { title: 'errors.status.invalid' },
  429: { title: 'errors.rateLimited.title' },
  500: { title: 'errors.status.server' },
};

/** Shows an API problem as a sentence a person can act on (never a stack), in the user's language where it can. */
@Component({
  selector: 'im-problem-view',
  imports: [TranslocoPipe],
  template: `
    <div class="problem" role="alert">
      <strong>{{ text().title ? (text().title | transloco) : problem().title }}</strong>
      @if (text().detail; as detail) {
        <span>{{ detail | transloco }}</span>
      } @else if (problem().detail) {
        <span>{{ problem().detail }}</span>
      }
      @if (listed().length > 0) {
        <ul class="errors">
          @for (e of listed(); track $index) {
            <li><code>{{ e.code }}</code> {{ e.message }}@if (e.path) {<span class="where"> ({{ e.path }})</span>}</li>
          }
          @if (unlisted() > 0) {
            <li>{{ 'errors.more' | transloco: { count: unlisted() } }}</li>
          }
        </ul>
      }
      @if (problem().requestId) {
        <small>{{ 'errors.requestId' | transloco }} <code>{{ problem().requestId }}</code></small>
      }
    </div>
  `,
  styles: `
    .problem {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .errors {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .where {
      opacity: 0.8;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProblemView {
  readonly problem = input.required<Problem>();

  /** A 422's own errors say what to fix; the first few are enough here (forms show theirs in full). */
  protected readonly listed = computed(() => (this.problem().errors ?? []).slice(0, SHOWN_ERRORS));
  protected readonly unlisted = computed(() => Math.max(0, (this.problem().errors ?? []).length - SHOWN_ERRORS));

  protected readonly text = computed((): Partial<ProblemText> => {
    const p = this.problem();
    return (p.code ? BY_CODE[p.code] : undefined) ?? BY_STATUS[p.status] ?? (p.status >= 500 ? BY_STATUS[500] : {});
  });
}
