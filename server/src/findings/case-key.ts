// A finding's case (DESIGN.md, cases): the findings of one rule, one subject set, one mode and
// one channel, across cities. Its id is stable, made from the finding's own fields.
import { createHash } from 'node:crypto';

export interface CaseKeyed {
  fingerprint: string;
  ruleId: string;
  subjects: readonly string[];
  city: string | null;
  mode: string | null;
  channel: string | null;
}

/**
 * A city finding's fingerprint is `${rule and subjects}|${city}|${mode}|${channel}` (rules/fingerprints.ts):
 * its case key is that without the city, which also keeps apart what the subjects alone do not
 * (EXCL-002 on an issuer's codes and on the same institution as a scanner are two stories). A
 * finding of no city (an agreement's, a missing report's) is a case of its own: its fingerprint.
 */
export function caseKey(f: CaseKeyed): string {
  if (f.city === null) return f.fingerprint;
  const scope = `|${f.city}|${f.mode}|${f.channel}`;
  return f.fingerprint.endsWith(scope)
    ? `${f.fingerprint.slice(0, -scope.length)}|${f.mode}|${f.channel}`
    : `${f.ruleId}|${f.subjects.join('|')}|${f.mode}|${f.channel}`;
}

/** The first 16 hex characters of the SHA-256 of the case key: opaque to clients, which take it from the list. */
export function caseIdOf(f: CaseKeyed): string {
  return createHash('sha256').update(caseKey(f)).digest('hex').slice(0, 16);
}

export const CASE_ID = /^[0-9a-f]{16}$/;
