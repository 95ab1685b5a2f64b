// Evidence and short phrases shared by the rules.
import type { AgreementInForce } from '../state/period-state.js';
import type { StateLink } from '../state/reconcile.js';
import type { Evidence, Text } from './rule.js';

export function linkEvidence(link: StateLink): Evidence[] {
  return [link.source, link.otherSource].filter((s) => s !== undefined).map(({ reportId, version, institution, period, row }) => ({ reportId, version, institution, period, row }));
}

export function agreementEvidence(a: AgreementInForce): Evidence {
  return { reportId: a.reportId, version: a.version, institution: a.reporter, period: a.reportPeriod, agreementRef: a.ref };
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
    ? { en: `effective ${a.effective} to ${a.expires}`, zh: `有效期 ${a.effective} 至 ${a.expires}` }
    : { en: `effective since ${a.effective}`, zh: `自 ${a.effective} 起生效` };
}

/** Up to five names, then how many more. */
export function someOf(names: readonly Text[]): Text {
  const shown = names.slice(0, 5);
  const more = names.length - shown.length;
  return {
    en: shown.map((n) => n.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
    zh: shown.map((n) => n.zh).join('、') + (more > 0 ? ` 等 ${names.length} 家` : ''),
  };
}
