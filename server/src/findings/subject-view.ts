// What an institution sees of a finding in which it is a subject: its own reports' evidence, its own
// and the central bank's comments, history without the evidence of other institutions, and, where
// the evidence is not all its own, the explanation without another institution's terms. The other
// subject's reports, agreements and replies to the regulator stay confidential.
import type { Evidence } from '../rules/rule.js';
import type { Principal } from '../domain/principal.js';

/** System history notes that list evidence: "evidence updated: report 12 v1 (…) agreement X". */
const EVIDENCE_NOTE = /^(evidence updated|new evidence while dismissed): .*/s;

const asInstitution = (p: Principal) => (p.role === 'institution' ? p.institution : null);

export function visibleEvidence(principal: Principal, evidence: readonly Evidence[]): Evidence[] {
  const own = asInstitution(principal);
  return own === null ? [...evidence] : evidence.filter((e) => e.institution === own);
}

export interface Explanation {
  explanation: string;
  explanationZh: string;
}

/**
 * The explanation a principal reads. A subject institution that may not see every piece of the
 * evidence reads the one the rule wrote for subjects, if any: DISC-001's full explanation tells the
 * lowest fee the reporter charges someone else, DISC-002's how many other agreements it has.
 */
export function visibleExplanation(
  principal: Principal,
  evidence: readonly Evidence[],
  full: Explanation,
  forSubjects: Explanation | null,
): Explanation {
  const own = asInstitution(principal);
  if (own === null || forSubjects === null || evidence.every((e) => e.institution === own)) return full;
  return forSubjects;
}

export function visibleNote(principal: Principal, actor: string, note: string | null): string | null {
  if (asInstitution(principal) === null || actor !== 'system' || note === null) return note;
  return note.replace(EVIDENCE_NOTE, '$1');
}

export function visibleComments<C extends { role: string; institution: string | null }>(principal: Principal, comments: readonly C[]): C[] {
  const own = asInstitution(principal);
  return own === null ? [...comments] : comments.filter((c) => c.role !== 'institution' || c.institution === own);
}
