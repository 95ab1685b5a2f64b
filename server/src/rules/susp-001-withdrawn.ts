// SUSP-001: a link live in the previous period is suspended or gone in this one.
import { z } from 'zod';
import { CHANNELS, MODES, linkBetween, type CityGroup } from '../state/period-state.js';
import type { StateLink } from '../state/reconcile.js';
import { linkEvidence } from './evidence.js';
import type { Hit, Rule } from './rule.js';

export const withdrawnInterconnection: Rule<Record<string, never>> = {
  id: 'SUSP-001',
  version: 1,
  defaultSeverity: 'medium',
  title: { en: 'Withdrawn interconnection', zh: '互联互通中断' },
  description: {
    en: 'A link that was live in the previous period is suspended, or no longer declared, in this period.',
    zh: '上一期处于运行状态的识别关系在本期被暂停或不再申报。',
  },
  settings: z.strictObject({}),
  defaults: {},
  needsPrevious: true,
  evaluate({ state, previous, say, period }) {
    if (!previous) return [];
    const hits: Hit[] = [];
    for (const mode of MODES) {
      for (const channel of CHANNELS) {
        // Cities sharing both their previous and their current link set are compared once.
        const pairs = new Map<CityGroup, Map<CityGroup | undefined, string[]>>();
        for (const before of previous.groups(mode, channel)) {
          for (const city of before.cities) {
            const now = state.group(city, mode, channel);
            const byNow = pairs.get(before) ?? pairs.set(before, new Map()).get(before)!;
            const cities = byNow.get(now);
            if (cities) cities.push(city);
            else byNow.set(now, [city]);
          }
        }
        for (const [before, byNow] of pairs) {
          for (const [now, cities] of byNow) {
            for (const was of before.links) {
              if (was.status !== 'live') continue;
              const is = now && linkBetween(now, was.scanner, was.issuer);
              if (is && is.status !== 'suspended') continue;
              hits.push(...cities.map((city) => withdrawal(was, is, city, mode, channel, period, previous.period, say)));
            }
          }
        }
      }
    }
    return hits;
  },
};

function withdrawal(was: StateLink, is: StateLink | undefined, city: string, mode: Hit['mode'] & string, channel: Hit['channel'] & string, period: string, before: string, say: Parameters<Rule['evaluate']>[0]['say']): Hit {
  const scanner = say.institution(was.scanner);
  const issuer = say.institution(was.issuer);
  const where = say.city(city);
  const codes = say.codes(mode, channel);
  const now = is ? { en: `suspended since ${is.since}`, zh: `自 ${is.since} 起暂停` } : { en: 'no longer declared', zh: '不再申报' };
  return {
    fingerprint: `SUSP-001|${was.scanner}|${was.issuer}|${city}|${mode}|${channel}`,
    subjects: [was.scanner, was.issuer],
    city, mode, channel,
    severity: 'medium',
    explanation: {
      en: `In ${where.en}, ${scanner.en}’s recognition of ${issuer.en}’s ${codes.en} was live in ${before} and is ${now.en} in ${period}.`,
      zh: `在${where.zh}，${scanner.zh}对${issuer.zh}${codes.zh}的识别在 ${before} 处于运行状态，${period} ${now.zh}。`,
    },
    evidence: [...linkEvidence(was), ...(is ? linkEvidence(is) : [])],
  };
}
