import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  viewChildren,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { Institution, Problem, Receipt } from '../core/api/api-types';
import { LocaleFormat } from '../core/i18n/locale-format';
import { confirmed } from '../shared/confirm-dialog';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { PeriodField } from './period-field';
import { ReceiptCard } from './receipt-card';
import { classifyReportFile, csvTemplate, saveText, templateFileName } from './report-files';
import { ReportsApi } from './reports-api';
import { ValidationErrors } from './validation-errors';

/** Previous month as YYYY-MM: what an institution usually reports on. */
export function lastMonth(today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** What the form says it did with each dropped file. */
const DROPPED_KEYS = {
  links: 'reports.upload.dropped.links',
  agreements: 'reports.upload.dropped.agreements',
  json: 'reports.upload.dropped.json',
} as const;

/** A note about dropped files, as a translation key and its parameters. */
interface DropNote {
  key: string;
  params: Record<string, string>;
}

/**
 * Upload of a report: the links and agreements CSV files (or one JSON report), chosen or dropped;
 * validate first (dry run), then submit; shows the receipt or every error. Replacing a month already
 * reported asks first; after a stored report the files are cleared, so that a second click cannot
 * store another version by accident.
 */
@Component({
  selector: 'im-upload-form',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    PeriodField,
    ProblemView,
    ReceiptCard,
    TranslocoPipe,
    ValidationErrors,
  ],
  templateUrl: './upload-form.html',
  styleUrl: './upload-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadForm {
  private readonly api = inject(ReportsApi);
  private readonly format = inject(LocaleFormat);
  private readonly document = inject(DOCUMENT);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  /** The native file pickers, emptied with the form so that the same file can be chosen again. */
  private readonly fileInputs = viewChildren<ElementRef<HTMLInputElement>>('fileInput');

  /** The institution the user reports for; null lets the user (an admin) choose. */
  readonly institution = input<string | null>(null);
  /** The institutions an admin may choose from. */
  readonly institutions = input<Institution[]>([]);
  /** The period to start with (e.g. from the dashboard's "Submit" on a late period); default last month. */
  readonly initialPeriod = input<string | null | undefined>(null);
  /** Emits each stored receipt, so that lists can refresh. */
  readonly stored = output<Receipt>();

  protected readonly chosenInstitution = signal('');
  protected readonly period = linkedSignal(() => {
    const initial = this.initialPeriod();
    return initial && /^\d{4}-\d{2}$/.test(initial) ? initial : lastMonth();
  });
  protected readonly linksFile = signal<File | null>(null);
  protected readonly agreementsFile = signal<File | null>(null);
  /** A whole report as JSON, instead of the CSV files. */
  protected readonly jsonFile = signal<File | null>(null);
  protected readonly dragging = signal(false);
  protected readonly dropNotes = signal<DropNote[]>([]);
  protected readonly busy = signal(false);
  protected readonly receipt = signal<Receipt | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  /** The institutions an admin may choose from, named in the active language. */
  protected readonly institutionOptions = computed(() => this.institutions().map((i) => ({ id: i.id, name: this.format.name(i) })));
  protected readonly reporter = computed(() => this.institution() ?? this.chosenInstitution());
  protected readonly errors = computed(() => this.problem()?.errors ?? []);
  /** A refused report's warnings, shown beside its errors so that one pass fixes both. */
  protected readonly warnings = computed(() => this.problem()?.warnings ?? []);
  protected readonly canSend = computed(
    () => !this.busy() && !!this.reporter() && /^\d{4}-\d{2}$/.test(this.period()) && (!!this.linksFile() || !!this.jsonFile()),
  );

  protected async chooseFile(which: 'links' | 'agreements' | 'json', event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.dropNotes.set([]);
    this.keep(which, file);
    if (which === 'json' && file) await this.adoptJsonPeriod(file);
  }

  protected dragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dragLeave(event: DragEvent): void {
    // Leaving for a child of the area is not leaving the area.
    const area = event.currentTarget as HTMLElement;
    if (!(event.relatedTarget instanceof Node) || !area.contains(event.relatedTarget)) this.dragging.set(false);
  }

  /** Puts each dropped file where it belongs, by its name and header row. */
  protected async dropFiles(event: DragEvent): Promise<void> {
    event.preventDefault();
    this.dragging.set(false);
    await this.takeFiles([...(event.dataTransfer?.files ?? [])]);
  }

  /** Sorts files into links, agreements or JSON; notes the ones it cannot place. */
  async takeFiles(files: File[]): Promise<void> {
    const notes: DropNote[] = [];
    for (const file of files) {
      const kind = classifyReportFile(file.name, await readText(file.slice(0, 2048)));
      if (kind === 'unknown') notes.push({ key: 'reports.upload.dropUnknown', params: { name: file.name } });
      else {
        this.keep(kind, file);
        if (kind === 'json') await this.adoptJsonPeriod(file);
        notes.push({ key: DROPPED_KEYS[kind], params: { name: file.name } });
      }
    }
    this.dropNotes.set(notes);
  }

  protected downloadTemplate(kind: 'links' | 'agreements'): void {
    saveText(
      this.document,
      csvTemplate(kind, this.reporter(), this.period()),
      templateFileName(kind, this.reporter()),
      'text/csv;charset=utf-8',
    );
  }

  protected clearFile(which: 'links' | 'agreements' | 'json'): void {
    this.keep(which, null);
  }

  protected async send(dryRun: boolean): Promise<void> {
    this.busy.set(true);
    this.receipt.set(null);
    this.problem.set(null);
    try {
      const report = this.jsonFile() ? await this.jsonReport() : this.csvForm();
      if (!dryRun && !(await this.replacementConfirmed(report))) return;
      const receipt = await firstValueFrom(
        report instanceof FormData ? this.api.submitCsv(report, dryRun) : this.api.submitJson(report, dryRun),
      );
      this.receipt.set(receipt);
      if (!dryRun) {
        this.clearFiles();
        this.stored.emit(receipt);
      }
    } catch (err) {
      this.problem.set(
        err instanceof ClientFileProblem
          ? {
              status: 422,
              title: 'Validation failed',
              errors: [{ code: 'BAD_JSON', message: this.transloco.translate(err.key, err.params) }],
            }
          : problemOf(err),
      );
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Whether to go ahead: a first report for the month needs no question; a new version asks first,
   * and says so when it would drop the agreements the version it replaces had.
   */
  private async replacementConfirmed(report: FormData | Record<string, unknown>): Promise<boolean> {
    const replaced = await firstValueFrom(this.api.latestVersion(this.reporter(), this.period()));
    if (!replaced) return true;
    const sendsAgreements =
      report instanceof FormData ? report.has('agreements') : Array.isArray(report['agreements']) && report['agreements'].length > 0;
    const dropsAgreements = !sendsAgreements && replaced.counts.agreements > 0;
    const params = {
      version: replaced.version,
      next: replaced.version + 1,
      period: this.format.period(replaced.period),
      receivedAt: this.format.dateTime(replaced.receivedAt),
      links: this.format.number(replaced.counts.links),
      agreements: this.format.number(replaced.counts.agreements),
      count: replaced.counts.agreements,
    };
    const t = (key: string) => this.transloco.translate(`reports.upload.replace.${key}`, params);
    return confirmed(this.dialog, {
      title: t('title'),
      body: t('body'),
      note: dropsAgreements ? t(replaced.counts.agreements === 1 ? 'dropsAgreement' : 'dropsAgreements') : undefined,
      confirm: t('confirm'),
      danger: dropsAgreements,
    });
  }

  /** Empties the form's files after a stored report: Submit stays off until new files are chosen. */
  private clearFiles(): void {
    this.linksFile.set(null);
    this.agreementsFile.set(null);
    this.jsonFile.set(null);
    this.dropNotes.set([]);
    for (const input of this.fileInputs()) input.nativeElement.value = '';
  }

  /** A JSON report names its period: the form takes it, so that what is sent is what the user sees. */
  private async adoptJsonPeriod(file: File): Promise<void> {
    try {
      const period = (JSON.parse((await readText(file)).replace(/^\uFEFF/, '')) as { period?: unknown }).period;
      if (typeof period === 'string' && /^\d{4}-\d{2}$/.test(period)) this.period.set(period);
    } catch {
      // Not JSON: validating it will say so, in the error table.
    }
  }

  /** A JSON report and the CSV files are alternatives: choosing one kind clears the other. */
  private keep(which: 'links' | 'agreements' | 'json', file: File | null): void {
    if (which === 'json') {
      this.jsonFile.set(file);
      if (file) {
        this.linksFile.set(null);
        this.agreementsFile.set(null);
      }
    } else {
      (which === 'links' ? this.linksFile : this.agreementsFile).set(file);
      if (file) this.jsonFile.set(null);
    }
  }

  private csvForm(): FormData {
    const form = new FormData();
    form.append('institution', this.reporter());
    form.append('period', this.period());
    const links = this.linksFile()!;
    form.append('links', links, links.name);
    const agreements = this.agreementsFile();
    if (agreements) form.append('agreements', agreements, agreements.name);
    return form;
  }

  /** The JSON file's report, for the institution and period of the form. */
  private async jsonReport(): Promise<Record<string, unknown>> {
    const text = (await readText(this.jsonFile()!)).replace(/^\uFEFF/, '');
    let body: unknown;
    const name = this.jsonFile()!.name;
    try {
      body = JSON.parse(text);
    } catch (err) {
      throw new ClientFileProblem('reports.upload.badJson', { name, reason: err instanceof Error ? err.message : String(err) });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ClientFileProblem('reports.upload.notJsonObject', { name });
    return { ...(body as Record<string, unknown>), institution: this.reporter(), period: this.period() };
  }
}

/** A file's text (UTF-8), read with FileReader, which every browser (and jsdom) has. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(blob);
  });
}

/** A file the browser could not read as a report: shown like the server's 422, nothing sent, worded by the client. */
class ClientFileProblem extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string>,
  ) {
    super(key);
  }
}
