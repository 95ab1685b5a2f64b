// Evidence and short phrases shared by the rules.
import type { AgreementInForce } from '../state/period-state.js';
import { linkSources, type StateLink } from '../state/reconcile.js';
import { quotedText } from '../text/quoted-text.js';
import type { Evidence, Text } from './rule.js';
import { dateZh } from '../text/chinese-dates.js';

// One list per link, not one per hit: a national run's hits (some 450,000 over 60 months) each live
// until the next month's replace them, and a shared link is the evidence of its hits in every city.
const evidenceOf = new WeakMap<StateLink, readonly Evidence[]>();

/** The rows that declare the link; shared between hits, so never to be changed. */
export function linkEvidence(link: StateLink): readonly Evidence[] {
  let evidence = evidenceOf.get(link);
  if (!evidence) {
    evidence = linkSources(link);
    evidenceOf.set(link, evidence);
  }
  return evidence;
}

export function agreementEvidence(a: AgreementInForce): Evidence {
  return { reportId: a.reportId, version: a.version, institution: a.reporter, period: a.reportPeriod, agreementRef: a.ref };
}

/**
 * An agreement's ref as explanations print it: quoted, since the ref is the reporter's own text and
 * the explanation the system's sentence ("agreement \"…; no breach found\"" reads as a ref, not a verdict).
 */
export function quotedRef(a: Pick<AgreementInForce, 'ref'>): string {
  return quotedText(a.ref);
}

const KIND: Record<AgreementInForce['kind'], Text> = {
  acceptance: { en: 'acceptance', zh: '受理' },
  clearing: { en: 'clearing', zh: '清算' },
  technical: { en: 'technical', zh: '技术' },
  marketing: { en: 'marketing', zh: '营销' },
};

export function agreementKind(kind: AgreementInForce['kind']): Text {
  return KIND[kind];
}

export function validity(a: AgreementInForce): Text {
  return a.expires
    ? { en: `effective ${a.effective} to ${a.expires}`, zh: `有效期${dateZh(a.effective)}至${dateZh(a.expires)}` }
    : { en: `effective since ${a.effective}`, zh: `自${dateZh(a.effective)}起生效` };
}

/** How many institutions someOf names before saying how many more there are. */
export const NAMES_SHOWN = 5;

/** Up to five names of `count` institutions (`ids` the first of them), then how many more (only the names shown are looked up). */
export function someOf(ids: readonly string[], count: number, nameOf: (id: string) => Text): Text {
  const shown = ids.slice(0, NAMES_SHOWN).map(nameOf);
  const more = count - shown.length;
  return {
    en: shown.map((n) => n.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
    zh: shown.map((n) => n.zh).join('、') + (more > 0 ? ` 等 ${count} 家` : ''),
  };
}
