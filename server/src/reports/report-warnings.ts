// Plausibility notes that do not block a report: shown to the submitter and kept with the report.
import type { Link, Report } from '../contract/reports.js';
import type { ProblemItem } from '../http/errors.js';
import { jsonPath } from '../http/validate.js';
import { lastDayOf } from '../state/periods.js';
import { quotedText } from '../text/quoted-text.js';
import { linkIndexOf } from './link-index.js';

export const HIGH_FEE_BPS = 100;
/** Refs an AGREEMENTS_DROPPED message names before it says "and N more": a message stays readable. */
const NAMED_REFS = 20;

/** The version of the same month that a new report replaces, with its agreements' refs. */
export interface ReplacedVersion {
  version: number;
  agreementRefs: readonly string[];
}

/**
 * previousLinks: the links of the institution's previous report (an earlier period), if any;
 * replaced: the latest version of the same period, if this report is a new version of it.
 */
export function reportWarnings(report: Report, previousLinks: readonly Link[], replaced?: ReplacedVersion): ProblemItem[] {
  const warnings: ProblemItem[] = [];
  const periodEnd = lastDayOf(report.period);
  const periodStart = `${report.period}-01`;
  report.links.forEach((l, i) => {
    if (l.since > periodEnd) warnings.push({ code: 'SINCE_AFTER_PERIOD', message: `since ${l.since} is after the end of ${report.period}`, path: jsonPath(['links', i, 'since']) });
  });
  report.agreements.forEach((a, i) => {
    if (a.feeBps !== null && a.feeBps > HIGH_FEE_BPS) warnings.push({ code: 'HIGH_FEE', message: `a fee of ${a.feeBps} bps is unusually high`, path: jsonPath(['agreements', i, 'feeBps']) });
    if (a.expires !== null && a.expires < periodStart) warnings.push({ code: 'AGREEMENT_EXPIRED', message: `agreement ${quotedText(a.ref)} expired on ${a.expires}, before ${report.period}`, path: jsonPath(['agreements', i, 'expires']) });
  });
  if (replaced) warnings.push(...droppedAgreements(report, replaced));
  const live = previousLinks.filter((old) => old.status === 'live');
  if (live.length === 0) return warnings;
  const declared = linkIndexOf(report.links);
  for (const old of live) {
    // A city link now declared for every city (*) is not dropped.
    if (declared.rowOf(old) !== undefined || declared.starRowOf(old) !== undefined) continue;
    // Nor is a * link now declared city by city.
    if (old.city === '*' && declared.hasPair(old)) continue;
    warnings.push({
      code: 'LINK_DROPPED',
      message: `${old.scanner} → ${old.issuer} (${old.mode}, ${old.channel}, city ${old.city}) was live in the previous report and is missing now; mark it suspended if it was withdrawn`,
    });
  }
  return warnings;
}

/**
 * Agreements of the replaced version missing from the new one, matched by ref: a version sent with
 * only its links file (by a second click or a partial resend) would otherwise drop them silently.
 */
function droppedAgreements(report: Report, replaced: ReplacedVersion): ProblemItem[] {
  const kept = new Set(report.agreements.map((a) => a.ref));
  const dropped = [...new Set(replaced.agreementRefs)].filter((ref) => !kept.has(ref));
  if (dropped.length === 0) return [];
  // Quoted: a ref is the reporter's text, and a receipt (PDF included) prints these lines as the system's.
  const named = dropped.slice(0, NAMED_REFS).map(quotedText).join(', ') + (dropped.length > NAMED_REFS ? ` and ${dropped.length - NAMED_REFS} more` : '');
  const count = dropped.length === 1 ? '1 agreement' : `${dropped.length} agreements`;
  return [
    {
      code: 'AGREEMENTS_DROPPED',
      message: `${count} of version ${replaced.version} of ${report.period} ${dropped.length === 1 ? 'is' : 'are'} missing from this version: ${named}; send the agreements file again if they still hold`,
    },
  ];
}
