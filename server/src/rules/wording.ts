// Names in explanations: findings must read without the data, in English and in Chinese.
import type { City } from '../contract/reference.js';
import type { Channel, Mode } from '../state/period-state.js';
import { LINK_STATUS_ZH, MODE_ZH, RESTRICTION_ZH, termZh } from '../text/chinese-terms.js';
import type { InstitutionInfo, Text } from './rule.js';

// In Chinese, a channel and a mode as the client names them (channel, mode.long): 线下商户码（mpm）.
const MODE_CHANNEL: Record<`${Mode}|${Channel}`, Text> = {
  'mpm|offline': { en: 'merchant-presented codes (mpm, offline)', zh: '线下商户码（mpm）' },
  'mpm|online': { en: 'merchant-presented codes (mpm, online)', zh: '线上商户码（mpm）' },
  'cpm|offline': { en: 'consumer-presented codes (cpm, offline)', zh: '线下付款码（cpm）' },
  'cpm|online': { en: 'consumer-presented codes (cpm, online)', zh: '线上付款码（cpm）' },
};

export class Wording {
  constructor(
    private readonly institutions: ReadonlyMap<string, InstitutionInfo>,
    private readonly cities: ReadonlyMap<string, City>,
  ) {}

  institution(id: string): Text {
    const i = this.institutions.get(id);
    return { en: i?.name ?? id, zh: i?.nameZh ?? id };
  }

  city(code: string): Text {
    const c = this.cities.get(code);
    return { en: `${c?.name ?? code} (${code})`, zh: `${c?.nameZh ?? code}（${code}）` };
  }

  codes(mode: Mode, channel: Channel): Text {
    return MODE_CHANNEL[`${mode}|${channel}`];
  }

  /** A link's status: the declared word in English, the interface's word in Chinese (live → 运行). */
  linkStatus(status: string): Text {
    return { en: status, zh: termZh(LINK_STATUS_ZH, status) };
  }

  /** Modes, sorted: "cpm, mpm" / "付款码、商户码". */
  modes(modes: Iterable<string>): Text {
    const sorted = [...modes].sort();
    return { en: sorted.join(', '), zh: sorted.map((m) => termZh(MODE_ZH, m)).join('、') };
  }

  /** An agreement's restrictions: "no-competitor-codes, tying" / "“不得受理竞争方码”、“捆绑搭售”". */
  restrictions(restrictions: readonly string[]): Text {
    return { en: restrictions.join(', '), zh: restrictions.map((r) => `“${termZh(RESTRICTION_ZH, r)}”`).join('、') };
  }

  list(ids: readonly string[]): Text {
    const names = ids.map((id) => this.institution(id));
    return { en: names.map((n) => n.en).join(', '), zh: names.map((n) => n.zh).join('、') };
  }
}
