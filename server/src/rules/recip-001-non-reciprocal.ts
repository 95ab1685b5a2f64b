// RECIP-001: of two systemic institutions, one recognises the other's codes live and the other does
// not return the favour in that city, mode and channel.
import { z } from 'zod';
import { CHANNELS, MODES, linkBetween, linkIn, type Channel, type CityGroup, type Mode } from '../state/period-state.js';
import { compareLinks, type StateLink } from '../state/reconcile.js';
import { describedLater, type Description, type HitFields } from './described-later.js';
import { linkEvidence } from './evidence.js';
import type { Hit, Rule } from './rule.js';
import type { Wording } from './wording.js';
import { dateZh } from '../text/chinese-dates.js';

export const nonReciprocal: Rule<Record<string, never>> = {
  id: 'RECIP-001',
  // 2: B's part rests on B's own report: no finding while B has no report as of the period.
  version: 2,
  defaultSeverity: 'medium',
  title: { en: 'Non-reciprocal recognition', zh: '单向识别' },
  description: {
    en: 'Two systemic institutions A and B: in a city, mode and channel A recognises B’s codes live but B does not recognise A’s live.',
    zh: '两家系统重要性机构 A 与 B：在某城市、模式和渠道下，A 实时识别 B 的支付码，而 B 未实时识别 A 的支付码。',
  },
  settings: z.strictObject({}),
  defaults: {},
  evaluate({ state, institutions, say, fingerprints }) {
    // Evidence standard: B is the one named, so B's not recognising A's codes must be B's own word
    // (or silence): with a report as of the period, B's links as scanner are its declarations.
    const eligible: Eligible = { systemic: (id) => institutions.get(id)?.systemic === true, reported: (id) => state.reports.has(id) };
    const hits: Hit[] = [];
    for (const mode of MODES) {
      for (const channel of CHANNELS) {
        const shared = new Map<readonly StateLink[], Unreturned[]>();
        for (const group of state.groups(mode, channel)) {
          for (const [link, reverse] of unreturnedIn(group, eligible, shared)) {
            const unreturned: UnreturnedLink = { link, reverse, subjects: [link.issuer, link.scanner], say };
            const prefix = `RECIP-001|${link.issuer}|${link.scanner}`;
            for (const city of group.cities)
              hits.push(unreturnedHit(unreturned, fingerprints.of(prefix, city, mode, channel), city, mode, channel));
          }
        }
      }
    }
    return hits;
  },
};

/** `link` (A scans B's codes) not returned by B (`reverse`, if declared): one for the hits of every city of a group. */
interface UnreturnedLink {
  link: StateLink;
  reverse: StateLink | undefined;
  subjects: string[];
  say: Wording;
}

/** `fingerprint` is `RECIP-001|${B}|${A}|${city}|${mode}|${channel}`, A scanning B's codes. */
function unreturnedHit(unreturned: UnreturnedLink, fingerprint: string, city: string, mode: Mode, channel: Channel): Hit {
  return describedLater(
    { fingerprint, subjects: unreturned.subjects, city, mode, channel, severity: 'medium' },
    unreturned,
    describeUnreturned,
  );
}

function describeUnreturned(hit: HitFields, { link, reverse, say }: UnreturnedLink): Description {
  const mode = hit.mode!;
  const nameA = say.institution(link.scanner);
  const nameB = say.institution(link.issuer);
  const codes = say.codes(mode, hit.channel!);
  // In mpm the scanner's app scans; in cpm the merchant devices on the scanner's network do.
  const scans = mode === 'mpm' ? { en: 'app', zh: 'App' } : { en: 'merchant devices', zh: '商户受理终端' };
  const instead = reverse
    ? { en: ` (declared ${reverse.status})`, zh: `（申报状态为${say.linkStatus(reverse.status).zh}）` }
    : { en: '', zh: '' };
  const where = say.city(hit.city!);
  return {
    explanation: {
      en: `In ${where.en}, ${nameB.en}’s ${scans.en} do${mode === 'mpm' ? 'es' : ''} not scan ${nameA.en}’s ${codes.en}${instead.en} although ${nameA.en}’s ${scans.en} scan${mode === 'mpm' ? 's' : ''} ${nameB.en}’s since ${link.since}.`,
      zh: `在${where.zh}，${nameB.zh}的${scans.zh}未识别${nameA.zh}的${codes.zh}${instead.zh}，而${nameA.zh}的${scans.zh}自${dateZh(link.since)}起已识别${nameB.zh}的支付码。`,
    },
    evidence: [...linkEvidence(link), ...(reverse ? linkEvidence(reverse) : [])],
  };
}

/** A live link between two systemic institutions, and the reverse link when there is one (not live). */
type Unreturned = [link: StateLink, reverse: StateLink | undefined];

/** Who may be a party: systemic institutions, the one not returning the favour with a report as of the period. */
interface Eligible {
  systemic: (id: string) => boolean;
  reported: (id: string) => boolean;
}

/**
 * The group's unreturned links, in the order of its links. A city with rows of its own takes those
 * of the shared links (found once a period) and looks again only at its own pairs and their reverses.
 */
function unreturnedIn(group: CityGroup, { systemic, reported }: Eligible, memo: Map<readonly StateLink[], Unreturned[]>): Unreturned[] {
  const check = (link: StateLink | undefined, out: Unreturned[]) => {
    if (
      !link ||
      link.status !== 'live' ||
      link.scanner === link.issuer ||
      !systemic(link.scanner) ||
      !systemic(link.issuer) ||
      !reported(link.issuer)
    )
      return;
    const reverse = linkBetween(group, link.issuer, link.scanner);
    if (reverse?.status !== 'live') out.push([link, reverse]);
  };
  if (!group.overlay) {
    const out: Unreturned[] = [];
    for (const link of group.links) check(link, out);
    return out;
  }
  const { shared, own } = group.overlay;
  let sharedUnreturned = memo.get(shared);
  if (!sharedUnreturned) {
    sharedUnreturned = unreturnedIn({ cities: [], links: shared, omitted: [] }, { systemic, reported }, memo);
    memo.set(shared, sharedUnreturned);
  }
  const touches = (a: string, b: string) => linkIn(own, a, b) !== undefined || linkIn(own, b, a) !== undefined;
  const out = sharedUnreturned.filter(([link]) => !touches(link.scanner, link.issuer));
  const again = new Set<StateLink>();
  for (const link of own.values()) {
    again.add(link);
    const reverse = linkBetween(group, link.issuer, link.scanner);
    if (reverse) again.add(reverse);
  }
  for (const link of again) check(link, out);
  return out.sort((x, y) => compareLinks(x[0], y[0]));
}
