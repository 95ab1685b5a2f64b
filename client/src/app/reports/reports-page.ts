import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatDividerModule } from '@angular/material/divider';
import { TranslocoPipe } from '@jsverse/transloco';
import { Session } from '../core/auth/session';
import { ReferenceData } from '../shared/reference-data';
import { ReportList } from './report-list';
import { UploadForm } from './upload-form';

/** Institutions submit and follow their reports here; the central bank browses all of them. */
@Component({
  selector: 'im-reports-page',
  imports: [MatDividerModule, ReportList, TranslocoPipe, UploadForm],
  template: `
    <h1>{{ 'reports.title' | transloco }}</h1>
    @if (canSubmit()) {
      <im-upload-form [institution]="ownInstitution()" [institutions]="reference.institutions()" (stored)="revision.set(revision() + 1)" />
      <mat-divider />
    }
    <im-report-list [filterable]="!ownInstitution()" [revision]="revision()" />
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly session = inject(Session);
  protected readonly reference = inject(ReferenceData);

  protected readonly revision = signal(0);
  protected readonly ownInstitution = computed(() => this.session.user()?.institution ?? null);
  protected readonly canSubmit = computed(() => ['institution', 'admin'].includes(this.session.role() ?? ''));
}
