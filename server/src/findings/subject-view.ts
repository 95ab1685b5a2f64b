// What an institution sees of a finding in which it is a subject: its own reports' evidence, its own
// and the central bank's comments, and history without the evidence of other institutions. The
// other subject's reports, agreements and replies to the regulator stay confidential.
import type { Evidence } from '../rules/rule.js';
import type { Principal } from '../http/principal.js';

/** System history notes that list evidence: "evidence updated: report 12 v1 (…) agreement X". */
const EVIDENCE_NOTE = /^(evidence updated|new evidence while dismissed): .*/s;

const asInstitution = (p: Principal) => (p.role === 'institution' ? p.institution : null);

export function visibleEvidence(principal: Principal, evidence: readonly Evidence[]): Evidence[] {
  const own = asInstitution(principal);
  return own === null ? [...evidence] : evidence.filter((e) => e.institution === own);
}

export function visibleNote(principal: Principal, actor: string, note: string | null): string | null {
  if (asInstitution(principal) === null || actor !== 'system' || note === null) return note;
  return note.replace(EVIDENCE_NOTE, '$1');
}

export function visibleComments<C extends { role: string; institution: string | null }>(principal: Principal, comments: readonly C[]): C[] {
  const own = asInstitution(principal);
  return own === null ? [...comments] : comments.filter((c) => c.role !== 'institution' || c.institution === own);
}
