// EXCL-002: a systemic institution whose codes are recognised only inside its own group (or that
// recognises only its own group's codes) while other groups are active in the city; and agreements
// that restrict acceptance to the own group.
import { z } from 'zod';
import { CHANNELS, MODES, linkBetween, type Channel, type CityGroup, type Mode } from '../state/period-state.js';
import type { StateLink } from '../state/reconcile.js';
import { agreementEvidence, agreementKind, linkEvidence, NAMES_SHOWN, quotedRef, someOf } from './evidence.js';
import { describedLater, type Description, type HitFields } from './described-later.js';
import { agreementFingerprint } from './fingerprints.js';
import type { Hit, Rule, RuleInput } from './rule.js';
import { liveCounts, type LiveCounts } from './live-counts.js';
import { groupLiveIndex } from './live-index.js';
import type { Wording } from './wording.js';
import { periodZh } from '../text/chinese-dates.js';

const settings = z.strictObject({
  minOtherScanners: z.number().int().min(1).max(10_000),
  minOtherIssuers: z.number().int().min(1).max(10_000),
});

export const closedGroup: Rule<z.infer<typeof settings>> = {
  id: 'EXCL-002',
  // 2: the institution named has a report as of the period, and an issuer whose own report
  // declares its codes recognised by another group is not named closed on those scanners' silence;
  // an agreement's fingerprint names its counterparty.
  version: 2,
  defaultSeverity: 'high',
  title: { en: 'Closed group', zh: '集团内封闭' },
  description: {
    en: 'A systemic institution’s codes are recognised live only by its own group’s scanners while at least minOtherScanners scanners of other groups are active in the city; or a systemic scanner recognises only its own group’s codes while at least minOtherIssuers issuers of other groups are live there; or an agreement in force restricts acceptance to the own group (own-group-only).',
    zh: '系统重要性机构的支付码在某城市只被本集团的扫码方实时识别，而该城市的其他集团扫码方在运营的家数达到参数“其他集团活跃扫码方至少”；或系统重要性扫码方只识别本集团的支付码，而该城市的其他集团发码方在运营的家数达到参数“其他集团已运行发码方至少”；或生效中的协议限定仅本集团受理（“仅限本集团”）。',
  },
  settings,
  defaults: { minOtherScanners: 2, minOtherIssuers: 2 },
  evaluate(input, s) {
    return [...linkHits(input, s), ...agreementHits(input)];
  },
};

function linkHits({ state, institutions, say, fingerprints }: RuleInput, s: z.infer<typeof settings>): Hit[] {
  const hits: Hit[] = [];
  const groupOf = (id: string) => institutions.get(id)?.group ?? id;
  const systemic = (id: string) => institutions.get(id)?.systemic === true;
  const systemicIds = [...institutions.values()].filter((i) => i.systemic).map((i) => i.id);
  const ids = [...institutions.keys()];
  // Evidence standard: the institution named is the one at fault, so the finding rests on its own
  // report. Its links as scanner are its own declarations once it has one; as issuer, its report
  // must not declare another group's scanner recognising its codes live.
  const reported = (id: string) => state.reports.has(id);
  for (const mode of MODES) {
    for (const channel of CHANNELS) {
      for (const group of state.groups(mode, channel)) {
        // Indexing every city's links is most of the rule's time, and it fires in few of them.
        const counts = liveCounts(group, groupOf);
        if (!mayFire(counts, systemicIds, groupOf, s)) continue;
        const { scannersOf, issuersOf } = groupLiveIndex(group);
        for (const [issuer, links] of scannersOf) {
          if (!systemic(issuer)) continue;
          const own = groupOf(issuer);
          if (links.some((l) => groupOf(l.scanner) !== own)) continue;
          if (counts.scannersOutsideGroup(own) < s.minOtherScanners) continue;
          if (!reported(issuer) || declaresItselfOpen(group, issuer, ids, groupOf)) continue;
          const closed: Closed = {
            side: 'issuer',
            subjects: [issuer],
            links,
            others: someOutside(issuersOf, own, groupOf),
            othersCount: counts.scannersOutsideGroup(own),
            say,
          };
          const prefix = `EXCL-002|issuer|${issuer}`;
          for (const city of group.cities) hits.push(closedHit(closed, fingerprints.of(prefix, city, mode, channel), city, mode, channel));
        }
        for (const [scanner, links] of issuersOf) {
          if (!systemic(scanner)) continue;
          const own = groupOf(scanner);
          if (links.some((l) => groupOf(l.issuer) !== own)) continue;
          if (counts.issuersOutsideGroup(own) < s.minOtherIssuers) continue;
          if (!reported(scanner)) continue;
          const closed: Closed = {
            side: 'scanner',
            subjects: [scanner],
            links,
            others: someOutside(scannersOf, own, groupOf),
            othersCount: counts.issuersOutsideGroup(own),
            say,
          };
          const prefix = `EXCL-002|scanner|${scanner}`;
          for (const city of group.cities) hits.push(closedHit(closed, fingerprints.of(prefix, city, mode, channel), city, mode, channel));
        }
      }
    }
  }
  return hits;
}

/**
 * Whether `issuer`'s own report declares a scanner of another group recognising its codes live in
 * the group's cities, where that scanner's report says otherwise (another status, or nothing). Looked
 * at only for an issuer about to be named (a few a period), so each institution is looked up.
 */
function declaresItselfOpen(group: CityGroup, issuer: string, ids: readonly string[], groupOf: (id: string) => string): boolean {
  const own = groupOf(issuer);
  if (group.omitted.some((l) => l.issuer === issuer && l.status === 'live' && groupOf(l.scanner) !== own)) return true;
  return ids.some((id) => groupOf(id) !== own && linkBetween(group, id, issuer)?.otherStatus === 'live');
}

/**
 * The first institutions (keys of `live`) outside institution group `own`, as many as someOf
 * names: listing all of them for every group of cities allocated heavily in a national run, and
 * the counts tell how many there are.
 */
function someOutside(live: ReadonlyMap<string, unknown>, own: string, groupOf: (id: string) => string): string[] {
  const some: string[] = [];
  for (const id of live.keys()) {
    if (groupOf(id) === own) continue;
    some.push(id);
    if (some.length === NAMES_SHOWN) break;
  }
  return some;
}

/**
 * `subjects[0]`'s codes recognised live only by its own group (side 'issuer'), or `subjects[0]`
 * recognising live only its own group's codes (side 'scanner'), through `links`, while
 * `othersCount` institutions of other groups are live there (`others` the first of them): one for
 * the hits of every city of a group.
 */
interface Closed {
  side: 'issuer' | 'scanner';
  subjects: string[];
  links: readonly StateLink[];
  others: readonly string[];
  othersCount: number;
  say: Wording;
}

/** `fingerprint` is `EXCL-002|${side}|${subject}|${city}|${mode}|${channel}`. */
function closedHit(closed: Closed, fingerprint: string, city: string, mode: Mode, channel: Channel): Hit {
  return describedLater({ fingerprint, subjects: closed.subjects, city, mode, channel, severity: 'high' }, closed, describeClosed);
}

function describeClosed(hit: HitFields, { side, subjects: [id], links, others, othersCount, say }: Closed): Description {
  const name = say.institution(id);
  const codes = say.codes(hit.mode!, hit.channel!);
  const inside = say.list(links.map((l) => (side === 'issuer' ? l.scanner : l.issuer)));
  const outside = someOf(others, othersCount, (o) => say.institution(o));
  const where = say.city(hit.city!);
  const explanation =
    side === 'issuer'
      ? {
          en: `In ${where.en}, ${name.en}’s ${codes.en} are recognised only by its own group (${inside.en}), while ${othersCount} scanners of other groups are active there (${outside.en}).`,
          zh: `在${where.zh}，${name.zh}的${codes.zh}只被本集团（${inside.zh}）识别，而当地有 ${othersCount} 家其他集团的扫码方在运营（${outside.zh}）。`,
        }
      : {
          en: `In ${where.en}, ${name.en} recognises only its own group’s ${codes.en} (${inside.en}), while ${othersCount} issuers of other groups are live there (${outside.en}).`,
          zh: `在${where.zh}，${name.zh}只识别本集团的${codes.zh}（${inside.zh}），而当地有 ${othersCount} 家其他集团的发码方在运营（${outside.zh}）。`,
        };
  return { explanation, evidence: links.flatMap(linkEvidence) };
}

/** Whether some systemic institution is live only with its own group where enough other groups are: the conditions below, from counts. */
function mayFire(
  counts: LiveCounts,
  systemicIds: readonly string[],
  groupOf: (id: string) => string,
  s: z.infer<typeof settings>,
): boolean {
  return systemicIds.some((id) => {
    const own = groupOf(id);
    const closedIssuer =
      counts.issuerLive(id) > 0 && counts.issuerOutside(id) === 0 && counts.scannersOutsideGroup(own) >= s.minOtherScanners;
    const closedScanner =
      counts.scannerLive(id) > 0 && counts.scannerOutside(id) === 0 && counts.issuersOutsideGroup(own) >= s.minOtherIssuers;
    return closedIssuer || closedScanner;
  });
}

function agreementHits({ state, say, period }: RuleInput): Hit[] {
  return state.agreements
    .filter((a) => a.restrictions.includes('own-group-only'))
    .map((a) => {
      const reporter = say.institution(a.reporter);
      const counterparty = say.institution(a.counterparty);
      const kind = agreementKind(a.kind);
      return {
        fingerprint: agreementFingerprint('EXCL-002|agreement', a),
        subjects: [a.reporter],
        city: null,
        mode: null,
        channel: null,
        severity: 'high' as const,
        explanation: {
          en: `${reporter.en}’s ${kind.en} agreement ${quotedRef(a)} with ${counterparty.en} restricts acceptance to its own group (own-group-only); it is in force in ${period}.`,
          zh: `${reporter.zh}与${counterparty.zh}的${kind.zh}协议 ${quotedRef(a)} 限定仅本集团受理（“仅限本集团”条款），在${periodZh(period)}仍然有效。`,
        },
        evidence: [agreementEvidence(a)],
      };
    });
}
