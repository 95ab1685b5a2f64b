// Names in explanations: findings must read without the data, in English and in Chinese.
import type { City } from '../contract/reference.js';
import type { Channel, Mode } from '../state/period-state.js';
import type { LinkStatus } from '../state/reconcile.js';
import type { InstitutionInfo, Text } from './rule.js';

const MODE_CHANNEL: Record<`${Mode}|${Channel}`, Text> = {
  'mpm|offline': { en: 'merchant-presented codes (mpm, offline)', zh: '线下商户收款码（mpm）' },
  'mpm|online': { en: 'merchant-presented codes (mpm, online)', zh: '线上商户收款码（mpm）' },
  'cpm|offline': { en: 'consumer-presented codes (cpm, offline)', zh: '线下用户付款码（cpm）' },
  'cpm|online': { en: 'consumer-presented codes (cpm, online)', zh: '线上用户付款码（cpm）' },
};

/** A link's status as the client's Chinese labels say it: a Chinese sentence does not say "pilot". */
const LINK_STATUS: Record<LinkStatus, Text> = {
  live: { en: 'live', zh: '“运行”' },
  pilot: { en: 'pilot', zh: '“试点”' },
  planned: { en: 'planned', zh: '“计划”' },
  suspended: { en: 'suspended', zh: '“暂停”' },
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

  status(status: LinkStatus): Text {
    return LINK_STATUS[status];
  }

  list(ids: readonly string[]): Text {
    const names = ids.map((id) => this.institution(id));
    return { en: names.map((n) => n.en).join(', '), zh: names.map((n) => n.zh).join('、') };
  }
}
