import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Comment, Problem } from '../core/api/api-types';
import { ROLE_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';

/** A finding's or a case's comments, oldest first, and the box to add one for those who may. */
@Component({
  selector: 'im-comment-thread',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ProblemView, TranslocoPipe],
  template: `
    @if (rows().length === 0) {
      <p class="muted">{{ 'findings.detail.noComments' | transloco }}</p>
    }
    <ol class="timeline">
      @for (c of rows(); track c.id) {
        <li>
          <div>
            <strong>{{ c.author }}</strong>
            <span class="muted"> · {{ c.institutionName || (c.roleLabel ? (c.roleLabel | transloco) : c.role) }} · {{ c.atText }}</span>
          </div>
          <div class="note">{{ c.text }}</div>
        </li>
      }
    </ol>
    @if (canComment()) {
      <form class="comment" (submit)="$event.preventDefault(); send()">
        <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
          <mat-label>{{ 'findings.detail.comment' | transloco }}</mat-label>
          <textarea matInput rows="3" name="comment" [value]="draft()" (input)="draft.set($any($event.target).value)" maxlength="4000"></textarea>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy() || !draft().trim()">{{ 'findings.detail.addComment' | transloco }}</button>
        @if (problem(); as p) {
          <im-problem-view [problem]="p" />
        }
      </form>
    }
  `,
  styleUrl: './comment-thread.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommentThread {
  private readonly reference = inject(ReferenceData);
  private readonly format = inject(LocaleFormat);

  readonly comments = input.required<readonly Comment[]>();
  /** Analysts, admins and the subjects themselves: the page knows who. */
  readonly canComment = input(false);
  /** Sends the text; the page reloads what it shows. A rejection is shown under the box and keeps the text. */
  readonly post = input.required<(text: string) => Promise<void>>();

  protected readonly rows = computed(() =>
    this.comments().map((c) => ({
      ...c,
      atText: this.format.dateTime(c.at, 'short'),
      roleLabel: ROLE_LABELS[c.role as keyof typeof ROLE_LABELS] ?? '',
      institutionName: c.institution ? this.reference.institutionName(c.institution) : '',
    })),
  );
  protected readonly draft = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected async send(): Promise<void> {
    const text = this.draft().trim();
    if (!text) return;
    this.problem.set(null);
    this.busy.set(true);
    try {
      await this.post()(text);
      this.draft.set('');
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
