// CONS-001: the two parties of a link declare it differently for the same period.
import { z } from 'zod';
import { CHANNELS, MODES, type Channel, type CityGroup, type Mode } from '../state/period-state.js';
import { compareLinks, pairKey, type StateLink } from '../state/reconcile.js';
import { describedLater, type Description, type HitFields } from './described-later.js';
import { linkEvidence } from './evidence.js';
import type { Hit, Rule } from './rule.js';
import type { Wording } from './wording.js';
import { periodZh } from '../text/chinese-dates.js';

export const disputedDeclaration: Rule<Record<string, never>> = {
  id: 'CONS-001',
  version: 1,
  defaultSeverity: 'low',
  title: { en: 'Disputed declaration', zh: '申报不一致' },
  description: {
    en: 'Both parties of a link reported for the period and declare it differently (or one of them leaves it out).',
    zh: '识别关系的双方都提交了本期报告，但申报内容不一致（或一方未申报）。',
  },
  settings: z.strictObject({}),
  defaults: {},
  // A dispute needs both parties' reports for the period: the first of them (or anyone else) to
  // report a new month leaves the link unconfirmed, which must not resolve the finding.
  judgedWhenSubjectsReported: true,
  evaluate({ state, say, period, fingerprints }) {
    const hits: Hit[] = [];
    for (const mode of MODES) {
      for (const channel of CHANNELS) {
        const shared = new Map<readonly StateLink[], StateLink[]>();
        for (const group of state.groups(mode, channel)) {
          for (const link of disputedIn(group, shared)) {
            const disputed: Disputed = { link, subjects: [link.scanner, link.issuer], period, say };
            const prefix = `CONS-001|${link.scanner}|${link.issuer}`;
            for (const city of group.cities)
              hits.push(disputedHit(disputed, fingerprints.of(prefix, city, mode, channel), city, mode, channel));
          }
        }
      }
    }
    return hits;
  },
};

/** A disputed link in `period`: one for the hits of every city of a group. */
interface Disputed {
  link: StateLink;
  subjects: string[];
  period: string;
  say: Wording;
}

/** `fingerprint` is `CONS-001|${scanner}|${issuer}|${city}|${mode}|${channel}`. */
function disputedHit(disputed: Disputed, fingerprint: string, city: string, mode: Mode, channel: Channel): Hit {
  return describedLater({ fingerprint, subjects: disputed.subjects, city, mode, channel, severity: 'low' }, disputed, describeDisputed);
}

function describeDisputed(hit: HitFields, { link, period, say }: Disputed): Description {
  const scanner = say.institution(link.scanner);
  const issuer = say.institution(link.issuer);
  const codes = say.codes(hit.mode!, hit.channel!);
  const declarer = link.declaredIn?.institution === link.issuer ? issuer : scanner;
  const other = declarer === scanner ? issuer : scanner;
  const otherSays = link.otherStatus
    ? { en: `${other.en} declares ${link.otherStatus}`, zh: `${other.zh}申报为${say.linkStatus(link.otherStatus).zh}` }
    : { en: `${other.en}’s report for ${period} leaves it out`, zh: `${other.zh}的${periodZh(period)}报告未申报该关系` };
  const where = say.city(hit.city!);
  return {
    explanation: {
      en: `In ${where.en}, ${declarer.en} declares ${scanner.en}’s recognition of ${issuer.en}’s ${codes.en} as ${link.status}, but ${otherSays.en}.`,
      zh: `在${where.zh}，${declarer.zh}申报${scanner.zh}识别${issuer.zh}${codes.zh}的状态为${say.linkStatus(link.status).zh}，但${otherSays.zh}。`,
    },
    evidence: [...linkEvidence(link)],
  };
}

/**
 * The group's disputed links, with the issuer's declarations of links that the scanner's report for
 * the period leaves out (no link of the state, but a dispute all the same), in the order of links.
 * A city with rows of its own takes those of the shared links (found once a period) that its own
 * pairs do not replace, merged with its own.
 */
function disputedIn(group: CityGroup, memo: Map<readonly StateLink[], StateLink[]>): StateLink[] {
  const disputed = (...lists: Iterable<StateLink>[]) => lists.flatMap((links) => [...links].filter((l) => l.reconciliation === 'disputed'));
  if (!group.overlay) return disputed(group.links, group.omitted).sort(compareLinks);
  const { shared, own, sharedOmitted, ownOmitted } = group.overlay;
  let sharedDisputed = memo.get(shared);
  if (!sharedDisputed) memo.set(shared, (sharedDisputed = disputed(shared, sharedOmitted).sort(compareLinks)));
  const touched = (l: StateLink) => {
    const key = pairKey(l.scanner, l.issuer);
    return own.has(key) || ownOmitted.has(key);
  };
  const kept = sharedDisputed.filter((l) => !touched(l));
  const ownDisputed = disputed(own.values(), ownOmitted.values());
  if (ownDisputed.length === 0) return kept;
  return [...kept, ...ownDisputed].sort(compareLinks);
}
