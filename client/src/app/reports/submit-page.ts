import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Session } from '../core/auth/session';
import { ReferenceData } from '../shared/reference-data';
import { UploadForm } from './upload-form';

/** Submitting a report: files chosen or dropped, validated, then sent; the receipt to keep. */
@Component({
  selector: 'im-submit-page',
  imports: [MatButtonModule, RouterLink, TranslocoPipe, UploadForm],
  template: `
    <nav class="back">
      <a mat-button routerLink="/reports">← {{ 'reports.submit.back' | transloco }}</a>
    </nav>
    <h1>{{ 'reports.submit.title' | transloco }}</h1>
    @if (canSubmit()) {
      <im-upload-form
        [institution]="ownInstitution()"
        [institutions]="reference.institutions()"
        [initialPeriod]="period()"
        />
    } @else {
      <p>{{ 'reports.submit.notAllowed' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 24px;
    }
    h1 {
      margin: 0;
    }
    .back {
      margin: -8px 0 -16px -12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitPage {
  private readonly session = inject(Session);
  protected readonly reference = inject(ReferenceData);

  /** The period to report on, from the query parameters (the dashboard links here with it). */
  readonly period = input<string>();

  protected readonly ownInstitution = computed(() => this.session.user()?.institution ?? null);
  protected readonly canSubmit = computed(() => ['institution', 'admin'].includes(this.session.role() ?? ''));
}
