import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { ItemList, Problem } from '../core/api/api-types';
import { Session } from '../core/auth/session';
import { LocaleFormat } from '../core/i18n/locale-format';
import { confirmed } from '../shared/confirm-dialog';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { ReferenceData } from '../shared/reference-data';
import { type ApiKey, ApiKeysApi } from './api-keys-api';
import { NewKeyDialog } from './new-key-dialog';

/** An institution's API keys, for its systems to submit reports: list, create (secret shown once), revoke. */
@Component({
  selector: 'im-api-keys-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ProblemView,
    TranslocoPipe,
  ],
  templateUrl: './api-keys-page.html',
  styleUrl: './api-keys-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeysPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly api = inject(ApiKeysApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly format = inject(LocaleFormat);
  protected readonly reference = inject(ReferenceData);

  /** The institution an admin is looking at (query parameter); an institution user always sees its own. */
  readonly institution = input<string>();

  protected readonly ownInstitution = computed(() => this.session.user()?.institution ?? null);
  protected readonly selected = computed(() => this.ownInstitution() ?? this.institution() ?? '');
  protected readonly institutionOptions = computed(() =>
    this.reference
      .institutions()
      .map((i) => ({ id: i.id, name: this.format.name(i) }))
      .sort((a, b) => this.format.compare(a.name, b.name)),
  );

  protected readonly keys = httpResource<ItemList<ApiKey>>(() => (this.selected() ? ApiKeysApi.listUrl(this.selected()) : undefined));
  protected readonly loadProblem = computed(() => (this.keys.error() ? problemOf(this.keys.error()) : null));
  protected readonly columns = ['name', 'status', 'createdAt', 'createdBy', 'action'];
  /** Active keys first, newest first; dates in the active language. */
  protected readonly rows = computed(() =>
    (this.keys.hasValue() ? this.keys.value().items : [])
      .slice()
      .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt))
      .map((k) => ({
        key: k,
        name: k.name || k.id,
        revoked: k.revokedAt !== null,
        createdAtText: this.format.dateTime(k.createdAt, 'short'),
        revokedAtText: this.format.dateTime(k.revokedAt, 'short'),
      })),
  );
  protected readonly activeCount = computed(() => this.rows().filter((r) => !r.revoked).length);

  protected readonly newName = signal('');
  protected readonly busy = signal(false);
  protected readonly actionProblem = signal<Problem | null>(null);

  protected chooseInstitution(id: string): void {
    void this.router.navigate([], { queryParams: { institution: id } });
  }

  protected async createKey(): Promise<void> {
    const institution = this.selected();
    if (!institution || this.busy()) return;
    this.busy.set(true);
    this.actionProblem.set(null);
    try {
      // A key left unnamed is named in the user's language with its day, so a list of them still tells them apart.
      const name =
        this.newName().trim() ||
        this.transloco.translate('apiKeys.create.defaultName', { date: this.format.date(new Date().toISOString().slice(0, 10)) });
      const created = await firstValueFrom(this.api.create(institution, name));
      this.newName.set('');
      this.keys.reload();
      // The secret lives only in the dialog: it is not kept in the page's state once closed.
      await firstValueFrom(
        this.dialog.open(NewKeyDialog, { data: created, disableClose: true, width: '560px', maxWidth: '95vw' }).afterClosed(),
      );
    } catch (err) {
      this.actionProblem.set(problemOf(err));
    } finally {
      this.busy.set(false);
    }
  }

  protected async revokeKey(key: ApiKey): Promise<void> {
    const name = key.name || key.id;
    const t = (k: string) => this.transloco.translate(`apiKeys.revoke.${k}`, { name });
    if (!(await confirmed(this.dialog, { title: t('title'), body: t('body'), confirm: t('confirm'), danger: true }))) return;
    this.busy.set(true);
    this.actionProblem.set(null);
    try {
      await firstValueFrom(this.api.revoke(key.institution, key.id));
      this.keys.reload();
      this.snackBar.open(this.transloco.translate('apiKeys.revoke.done', { name: key.name || key.id }), undefined, { duration: 4000 });
    } catch (err) {
      this.actionProblem.set(problemOf(err));
    } finally {
      this.busy.set(false);
    }
  }
}
