import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Channel, Mode } from '../core/api/api-types';
import { CHANNEL_LABELS, MODE_LABELS } from '../core/i18n/domain-labels';
import { LocaleFormat } from '../core/i18n/locale-format';
import { Viewport } from '../core/layout/viewport';

/**
 * The period, mode and channel a page's figures are for, as one labelled form. It only shows the
 * values and reports changes: the page keeps them (in its URL). A page's own filters are projected
 * before the period (`filterBarStart`) or after the channel (the rest).
 */
@Component({
  selector: 'im-filter-bar',
  imports: [MatButtonToggleModule, MatFormFieldModule, MatSelectModule, TranslocoPipe],
  templateUrl: './filter-bar.html',
  styleUrl: './filter-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterBar {
  protected readonly format = inject(LocaleFormat);

  /** The form's accessible name, already translated ("Matrix filters"). */
  readonly label = input.required<string>();
  /** The periods to choose from, newest first. */
  readonly periods = input.required<readonly string[]>();
  /** The period shown (undefined while the periods load). */
  readonly period = input<string>();
  readonly mode = input.required<Mode>();
  readonly channel = input.required<Channel>();

  /** Another period was chosen. */
  readonly periodChange = output<string>();
  readonly modeChange = output<Mode>();
  readonly channelChange = output<Channel>();

  /** On a phone the two long mode labels cannot sit side by side: they stack. */
  protected readonly narrow = inject(Viewport).narrow;
  protected readonly modeLabels = MODE_LABELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly periodOptions = computed(() => this.periods().map((p) => ({ value: p, label: this.format.period(p) })));
}
