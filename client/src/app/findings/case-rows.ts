// How a case reads in the active language, for the cases list and the case page alike.
import { inject, Injectable } from '@angular/core';
import type { CaseSummary, FindingStatus } from '../core/api/api-types';
import { CHANNEL_LABELS, FINDING_STATUS_LABELS, MODE_LABELS, SEVERITY_LABELS } from '../core/i18n/domain-labels';
import { Language } from '../core/i18n/language';
import { LocaleFormat } from '../core/i18n/locale-format';
import { ReferenceData } from '../shared/reference-data';

export const STATUS_ORDER: readonly FindingStatus[] = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'];

/** What a person reads of a case besides the API's fields. */
interface CaseWords {
  subjectNames: string;
  /** Translation keys: mode ("mpm") and channel ("offline"), those the case has. */
  modeChannelKeys: string[];
  /** The one city's name when there is one; the list is behind a count otherwise. */
  cityName: string;
  /** Every city's name, in the language's order (pinyin in Chinese). */
  cityNames: string[];
  /** The statuses its findings are in, with how many: "337 open", "2 dismissed". */
  statusCounts: { status: FindingStatus; label: string; count: number; countText: string }[];
  periodText: string;
  text: string;
  severityLabel: string;
  findingCountText: string;
}

/** A case (its summary, or all its detail) with its names, dates, counts and explanation as a person reads them. */
export type CaseView<T extends CaseSummary = CaseSummary> = T & CaseWords;

/** Reads cases for people: the lists and pages build their rows through it, so both say the same. */
@Injectable({ providedIn: 'root' })
export class CaseRows {
  private readonly reference = inject(ReferenceData);
  private readonly language = inject(Language);
  private readonly format = inject(LocaleFormat);

  /** Reads the language and the reference data: call it inside a `computed`. */
  view<T extends CaseSummary>(c: T): CaseView<T> {
    const zh = this.language.current() === 'zh-CN';
    const cityNames = c.cities.map((code) => this.reference.cityName(code)).sort((a, b) => this.format.compare(a, b));
    return {
      ...c,
      subjectNames: c.subjects.map((s) => this.reference.institutionName(s)).join(zh ? '、' : ', '),
      modeChannelKeys: [...(c.mode ? [MODE_LABELS[c.mode].short] : []), ...(c.channel ? [CHANNEL_LABELS[c.channel]] : [])],
      cityName: c.cities.length === 1 ? cityNames[0] : '',
      cityNames,
      statusCounts: STATUS_ORDER.filter((s) => c.statuses[s] > 0).map((s) => ({
        status: s,
        label: FINDING_STATUS_LABELS[s],
        count: c.statuses[s],
        countText: this.format.number(c.statuses[s]),
      })),
      periodText:
        c.firstPeriod === c.lastPeriod
          ? this.format.period(c.lastPeriod)
          : `${this.format.period(c.firstPeriod)} – ${this.format.period(c.lastPeriod)}`,
      text: zh ? c.explanationZh : c.explanation,
      severityLabel: SEVERITY_LABELS[c.severity],
      findingCountText: this.format.number(c.findingCount),
    };
  }
}
