import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FindingStatus, Problem, RulePreview, RuleView } from '../core/api/api-types';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { RulesApi } from './rules-api';

const STATUSES: FindingStatus[] = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'];

/** Only the settings that differ from the rule's current ones, as "feeSpreadBps 20, highRatio 3". */
export function describeSettings(settings: Record<string, number>): string {
  return Object.entries(settings)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
}

/** One rule: what it looks for, its finding counts, a what-if preview of other settings, and (for admins) saving them. */
@Component({
  selector: 'im-rule-card',
  imports: [MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, MatSlideToggleModule, ProblemView, RouterLink, TranslocoPipe],
  templateUrl: './rule-card.html',
  styleUrl: './rule-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleCard {
  private readonly api = inject(RulesApi);
  private readonly language = inject(Language);
  protected readonly format = inject(LocaleFormat);

  readonly rule = input.required<RuleView>();
  /** Admins may save settings and switch the rule on or off. */
  readonly canChange = input(false);
  /** The rule as the server answered after a change. */
  readonly changed = output<RuleView>();

  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly statusLabels = FINDING_STATUS_LABELS;

  protected readonly title = computed(() => (this.language.current() === 'zh-CN' ? this.rule().title.zh : this.rule().title.en));
  protected readonly description = computed(() => (this.language.current() === 'zh-CN' ? this.rule().description.zh : this.rule().description.en));
  protected readonly counts = computed(() => STATUSES.map((s) => ({ status: s, count: this.rule().counts[s] ?? 0 })));
  protected readonly totalCount = computed(() => this.counts().reduce((sum, c) => sum + c.count, 0));

  /** The settings being edited; they start again from the rule's own whenever it changes. */
  protected readonly draft = linkedSignal(() => ({ ...this.rule().settings }));
  protected readonly settingNames = computed(() => Object.keys(this.rule().settings));
  /** What each setting means, in words; its API name stays in the hint (the API and the preview text use it). */
  protected readonly settingLabels: Record<string, string> = {
    feeSpreadBps: 'rules.settingNames.feeSpreadBps',
    highRatio: 'rules.settingNames.highRatio',
    minOtherScanners: 'rules.settingNames.minOtherScanners',
    minOtherIssuers: 'rules.settingNames.minOtherIssuers',
    dueDay: 'rules.settingNames.dueDay',
  };
  /** Settings whose field holds a number; the others are not sent. */
  protected readonly valid = computed(() => Object.values(this.draft()).every((v) => Number.isFinite(v)));
  protected readonly edited = computed(() => Object.entries(this.draft()).some(([k, v]) => this.rule().settings[k] !== v));

  protected readonly preview = signal<RulePreview | null>(null);
  protected readonly previewText = computed(() => {
    const p = this.preview();
    return p ? describeSettings(p.settings) : '';
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly saved = signal(false);
  /** The server's message for each setting it refused, by setting name (its errors' paths are $.settings.<name>). */
  protected readonly refused = computed(() => {
    const byName: Record<string, string> = {};
    for (const e of this.problem()?.errors ?? []) {
      const name = e.path?.startsWith('$.settings.') ? e.path.slice('$.settings.'.length) : null;
      if (name) byName[name] ??= e.message;
    }
    return byName;
  });

  protected setSetting(name: string, raw: string): void {
    this.draft.update((d) => ({ ...d, [name]: raw.trim() === '' ? Number.NaN : Number(raw) }));
    this.preview.set(null);
    this.saved.set(false);
  }

  protected resetToDefaults(): void {
    this.draft.set({ ...this.rule().defaults });
    this.preview.set(null);
  }

  protected async runPreview(): Promise<void> {
    await this.act(async () => this.preview.set(await this.api.preview(this.rule().id, this.draft())));
  }

  protected async save(): Promise<void> {
    await this.act(async () => {
      const rule = await this.api.update(this.rule().id, { settings: this.draft() });
      this.preview.set(null);
      this.saved.set(true);
      this.changed.emit(rule);
    });
  }

  protected async setEnabled(enabled: boolean): Promise<void> {
    await this.act(async () => this.changed.emit(await this.api.update(this.rule().id, { enabled })));
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
