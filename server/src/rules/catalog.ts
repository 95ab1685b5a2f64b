// Every rule of DESIGN.md's table, in the order the table lists them.
import { disputedDeclaration } from './cons-001-disputed.js';
import { discriminatoryFee } from './disc-001-discriminatory-fee.js';
import { discriminatoryTerms } from './disc-002-discriminatory-terms.js';
import { exclusiveAgreement } from './excl-001-exclusive-agreement.js';
import { closedGroup } from './excl-002-closed-group.js';
import { withdrawnInterconnection } from './susp-001-withdrawn.js';
import { missingReport } from './late-001-missing-report.js';
import { nonReciprocal } from './recip-001-non-reciprocal.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  exclusiveAgreement,
  closedGroup,
  discriminatoryFee,
  discriminatoryTerms,
  nonReciprocal,
  withdrawnInterconnection,
  disputedDeclaration,
  missingReport,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
