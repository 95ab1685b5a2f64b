import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { FindingStatus, Problem, RulePreview, RuleView } from '../core/api/api-types';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { problemOf } from '../shared/problem';
import { ProblemView } from '../shared/problem-view';
import { RulesApi } from './rules-api';

const STATUSES: FindingStatus[] = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'];

/** Translation keys of the settings' meanings, by their API names. */
export const SETTING_LABELS: Record<string, string> = {
  feeSpreadBps: 'rules.settingNames.feeSpreadBps',
  highRatio: 'rules.settingNames.highRatio',
  minOtherScanners: 'rules.settingNames.minOtherScanners',
  minOtherIssuers: 'rules.settingNames.minOtherIssuers',
  dueDay: 'rules.settingNames.dueDay',
};

/** A piece of a rule's description: its own words, or one of its settings, named by its meaning. */
export interface DescriptionPart {
  /** The words as written (for a setting: its API name). */
  text: string;
  /** For a setting: the translation key of its meaning, and its current value. */
  labelKey?: string;
  value?: number;
}

/**
 * A rule's description with each setting it names by its API name ("more than feeSpreadBps") cut
 * out, so that the page can name it in words and give its value. Settings without a label stay as written.
 */
export function describedSettings(description: string, settings: Record<string, number>): DescriptionPart[] {
  const named = Object.keys(SETTING_LABELS).filter((name) => description.includes(name));
  if (named.length === 0) return [{ text: description }];
  const parts: DescriptionPart[] = [];
  for (const piece of description.split(new RegExp(`\\b(${named.join('|')})\\b`))) {
    if (piece === '') continue;
    parts.push(named.includes(piece) ? { text: piece, labelKey: SETTING_LABELS[piece], value: settings[piece] } : { text: piece });
  }
  return parts;
}

/** One rule: what it looks for, its finding counts, a what-if preview of other settings, and (for admins) saving them. */
@Component({
  selector: 'im-rule-card',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ProblemView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './rule-card.html',
  styleUrl: './rule-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleCard {
  private readonly api = inject(RulesApi);
  private readonly language = inject(Language);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(LocaleFormat);

  readonly rule = input.required<RuleView>();
  /** Admins may save settings and switch the rule on or off. */
  readonly canChange = input(false);
  /** The rule as the server answered after a change. */
  readonly changed = output<RuleView>();

  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly statusLabels = FINDING_STATUS_LABELS;

  protected readonly title = computed(() => (this.language.current() === 'zh-CN' ? this.rule().title.zh : this.rule().title.en));
  /** The description in the active language, its settings named in words with their current values. */
  protected readonly description = computed(() => {
    const rule = this.rule();
    return describedSettings(this.language.current() === 'zh-CN' ? rule.description.zh : rule.description.en, rule.settings);
  });
  protected readonly counts = computed(() => STATUSES.map((s) => ({ status: s, count: this.rule().counts[s] ?? 0 })));
  protected readonly totalCount = computed(() => this.counts().reduce((sum, c) => sum + c.count, 0));

  /** The settings being edited; they start again from the rule's own whenever it changes. */
  protected readonly draft = linkedSignal(() => ({ ...this.rule().settings }));
  protected readonly settingNames = computed(() => Object.keys(this.rule().settings));
  /** What each setting means, in words; its API name stays in the hint, for those who call the API. */
  protected readonly settingLabels = SETTING_LABELS;
  /** Settings whose field holds a number; the others are not sent. */
  protected readonly valid = computed(() => Object.values(this.draft()).every((v) => Number.isFinite(v)));
  protected readonly edited = computed(() => Object.entries(this.draft()).some(([k, v]) => this.rule().settings[k] !== v));

  protected readonly preview = signal<RulePreview | null>(null);
  /** The previewed settings named in words: "“Fee gap over the lowest (basis points)” at 20, …". */
  protected readonly previewText = computed(() => {
    const p = this.preview();
    if (!p) return '';
    this.language.current(); // re-worded on a switch
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    return Object.entries(p.settings)
      .map(([name, value]) =>
        t('rules.settingValue', { label: SETTING_LABELS[name] ? t(SETTING_LABELS[name]) : name, value: this.format.number(value) }),
      )
      .join(t('rules.listSeparator'));
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
