// SUSP-001: a link live in the previous period is suspended or gone in this one.
import { z } from 'zod';
import { CHANNELS, MODES, linkBetween, linkIn, type Channel, type CityGroup, type Mode } from '../state/period-state.js';
import { compareLinks, pairKey, type StateLink } from '../state/reconcile.js';
import { describedLater, type Description, type HitFields } from './described-later.js';
import { linkEvidence } from './evidence.js';
import type { Hit, Rule } from './rule.js';
import type { Wording } from './wording.js';
import { dateZh, periodZh } from '../text/chinese-dates.js';

export const withdrawnInterconnection: Rule<Record<string, never>> = {
  id: 'SUSP-001',
  // 2: a withdrawal is the scanner's own: the link live before rests on its declaration.
  version: 2,
  defaultSeverity: 'medium',
  title: { en: 'Withdrawn interconnection', zh: '互联互通中断' },
  description: {
    en: 'A link that its scanner declared live in the previous period is suspended, or no longer declared, in this period.',
    zh: '扫码方上一期申报为运行状态的识别关系在本期被暂停或不再申报。',
  },
  settings: z.strictObject({}),
  defaults: {},
  needsPrevious: true,
  evaluate({ state, previous, say, period, fingerprints }) {
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
        const shared = new Map<readonly StateLink[], Map<readonly StateLink[], Withdrawn[]>>();
        // Evidence standard: the scanner is the one named, so the link live before must be its own
        // declaration, not the issuer's word while the scanner had no report. With a report as of
        // the month before, the scanner's (the reconciliation takes no other), and then in this one.
        const declaredByScanner = (was: StateLink) => previous.reports.has(was.scanner);
        for (const [before, byNow] of pairs) {
          for (const [now, cities] of byNow) {
            for (const [was, is] of withdrawnBetween(before, now, shared, declaredByScanner)) {
              const withdrawn: WithdrawnLink = { was, is, subjects: [was.scanner, was.issuer], period, before: previous.period, say };
              const prefix = `SUSP-001|${was.scanner}|${was.issuer}`;
              for (const city of cities)
                hits.push(withdrawal(withdrawn, fingerprints.of(prefix, city, mode, channel), city, mode, channel));
            }
          }
        }
      }
    }
    return hits;
  },
};

/** A link live before (and its pair key), with the same pair's link now if there still is one. */
type Withdrawn = [was: StateLink, is: StateLink | undefined, key: string];

/**
 * The links of `before` that are live, declared by their scanners, and are suspended or gone in
 * `now`, in the order of `before`'s links.
 */
function withdrawnBetween(
  before: CityGroup,
  now: CityGroup | undefined,
  memo: Map<readonly StateLink[], Map<readonly StateLink[], Withdrawn[]>>,
  declaredByScanner: (was: StateLink) => boolean,
): Withdrawn[] {
  if (!now) return withdrawnFrom(before.links, () => undefined, declaredByScanner);
  if (!before.overlay && !now.overlay)
    return withdrawnFrom(before.links, (was) => linkBetween(now, was.scanner, was.issuer), declaredByScanner);
  // A city with rows of its own in either period: the pairs it does not touch compare as the
  // shared links do (compared once a period), and only its own pairs are looked at here.
  const wasShared = before.overlay?.shared ?? before.links;
  const isShared = now.overlay?.shared ?? now.links;
  const byNow = memo.get(wasShared) ?? memo.set(wasShared, new Map()).get(wasShared)!;
  let sharedWithdrawn = byNow.get(isShared);
  if (!sharedWithdrawn) {
    sharedWithdrawn = withdrawnFrom(wasShared, (was) => linkIn(isShared, was.scanner, was.issuer), declaredByScanner);
    byNow.set(isShared, sharedWithdrawn);
  }
  const wasOwn = before.overlay?.own ?? NONE;
  const isOwn = now.overlay?.own ?? NONE;
  const out = sharedWithdrawn.filter(([, , key]) => !wasOwn.has(key) && !isOwn.has(key));
  // Each pair either period's own rows touch, once; most are live now, which settles them before
  // looking at the month before.
  const check = (key: string, scanner: string, issuer: string, is: StateLink | undefined) => {
    if (is && is.status !== 'suspended') return;
    const was = wasOwn.get(key) ?? linkIn(wasShared, scanner, issuer);
    if (was?.status === 'live' && declaredByScanner(was)) out.push([was, is, key]);
  };
  for (const [key, is] of isOwn) check(key, is.scanner, is.issuer, is);
  for (const [key, was] of wasOwn) if (!isOwn.has(key)) check(key, was.scanner, was.issuer, linkIn(isShared, was.scanner, was.issuer));
  return out.sort((a, b) => compareLinks(a[0], b[0]));
}

const NONE: ReadonlyMap<string, StateLink> = new Map();

function withdrawnFrom(
  links: readonly StateLink[],
  current: (was: StateLink) => StateLink | undefined,
  declaredByScanner: (was: StateLink) => boolean,
): Withdrawn[] {
  const out: Withdrawn[] = [];
  for (const was of links) {
    if (was.status !== 'live' || !declaredByScanner(was)) continue;
    const is = current(was);
    if (is && is.status !== 'suspended') continue;
    out.push([was, is, pairKey(was.scanner, was.issuer)]);
  }
  return out;
}

/** A link live in `before` and suspended (`is`) or gone in `period`: one for the hits of every city that shares it. */
interface WithdrawnLink {
  was: StateLink;
  is: StateLink | undefined;
  subjects: string[];
  period: string;
  before: string;
  say: Wording;
}

/** `fingerprint` is `SUSP-001|${scanner}|${issuer}|${city}|${mode}|${channel}`. */
function withdrawal(withdrawn: WithdrawnLink, fingerprint: string, city: string, mode: Mode, channel: Channel): Hit {
  return describedLater(
    { fingerprint, subjects: withdrawn.subjects, city, mode, channel, severity: 'medium' },
    withdrawn,
    describeWithdrawal,
  );
}

function describeWithdrawal(hit: HitFields, { was, is, period, before, say }: WithdrawnLink): Description {
  const scanner = say.institution(was.scanner);
  const issuer = say.institution(was.issuer);
  const where = say.city(hit.city!);
  const codes = say.codes(hit.mode!, hit.channel!);
  const now = is ? { en: `suspended since ${is.since}`, zh: `自${dateZh(is.since)}起暂停` } : { en: 'no longer declared', zh: '不再申报' };
  return {
    explanation: {
      en: `In ${where.en}, ${scanner.en}’s recognition of ${issuer.en}’s ${codes.en} was live in ${before} and is ${now.en} in ${period}.`,
      zh: `在${where.zh}，${scanner.zh}对${issuer.zh}${codes.zh}的识别在${periodZh(before)}处于运行状态，${periodZh(period)}${now.zh}。`,
    },
    evidence: [...linkEvidence(was), ...(is ? linkEvidence(is) : [])],
  };
}
