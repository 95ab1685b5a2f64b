import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Institution, Problem, Receipt } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReceiptCard } from './receipt-card';
import { ReportsApi } from './reports-api';
import { ValidationErrors } from './validation-errors';

/** Previous month as YYYY-MM: what an institution usually reports on. */
function lastMonth(today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** Upload of a report's CSV files: validate first (dry run), then submit; shows the receipt or every error. */
@Component({
  selector: 'im-upload-form',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule, ProblemView, ReceiptCard, TranslocoPipe, ValidationErrors],
  templateUrl: './upload-form.html',
  styleUrl: './upload-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadForm {
  private readonly api = inject(ReportsApi);
  private readonly format = inject(LocaleFormat);

  /** The institution the user reports for; null lets the user (an admin) choose. */
  readonly institution = input<string | null>(null);
  /** The institutions an admin may choose from. */
  readonly institutions = input<Institution[]>([]);
  /** Emits each stored receipt, so that lists can refresh. */
  readonly stored = output<Receipt>();

  protected readonly chosenInstitution = signal('');
  protected readonly period = signal(lastMonth());
  protected readonly linksFile = signal<File | null>(null);
  protected readonly agreementsFile = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly receipt = signal<Receipt | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  /** The institutions an admin may choose from, named in the active language. */
  protected readonly institutionOptions = computed(() => this.institutions().map((i) => ({ id: i.id, name: this.format.name(i) })));
  protected readonly reporter = computed(() => this.institution() ?? this.chosenInstitution());
  protected readonly errors = computed(() => this.problem()?.errors ?? []);
  protected readonly canSend = computed(() => !this.busy() && !!this.reporter() && /^\d{4}-\d{2}$/.test(this.period()) && !!this.linksFile());

  protected chooseFile(which: 'links' | 'agreements', event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    (which === 'links' ? this.linksFile : this.agreementsFile).set(file);
  }

  protected async send(dryRun: boolean): Promise<void> {
    const links = this.linksFile();
    if (!links) return;
    const form = new FormData();
    form.append('institution', this.reporter());
    form.append('period', this.period());
    form.append('links', links, links.name);
    const agreements = this.agreementsFile();
    if (agreements) form.append('agreements', agreements, agreements.name);
    this.busy.set(true);
    this.receipt.set(null);
    this.problem.set(null);
    try {
      const receipt = await firstValueFrom(this.api.submitCsv(form, dryRun));
      this.receipt.set(receipt);
      if (!dryRun) this.stored.emit(receipt);
    } catch (err) {
      this.problem.set(problemOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
