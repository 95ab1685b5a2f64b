// The pure part of a dry run, as the report-check worker runs it: the body parsed (JSON or the
// CSV files), validated, hashed; then, once the caller has read the previous report's live links,
// the warnings. What submitReport does on the event loop, for bodies large enough to stall it.
import type { Link, Report } from '../contract/reports.js';
import type { ProblemItem } from '../domain/errors.js';
import { exceedsDepth, MAX_JSON_DEPTH } from '../domain/json-depth.js';
import { reportSha256 } from './canonical-hash.js';
import { csvReport } from './csv-report.js';
import { reportWarnings, type ReplacedVersion } from './report-warnings.js';
import { validateReport, type ReferenceData } from './validate-report.js';

export type CheckInput =
  | { kind: 'json'; bytes: Uint8Array }
  | { kind: 'csv'; fields: { institution?: string; period?: string }; links: Uint8Array; agreements?: Uint8Array };

/** How many problems travel back: an answer lists at most 1,000 (Invalid), the count says the rest. */
const SHOWN_PROBLEMS = 1000;

export type CheckResult =
  | { kind: 'malformed-json' }
  | { kind: 'too-deep' }
  /** The body's institution and period as sent (before validation), for the caller's permission check and its audit entry. */
  | { kind: 'invalid'; institution: unknown; period: unknown; errors: ProblemItem[]; total: number; warnings: ProblemItem[] }
  | { kind: 'valid'; institution: string; period: string; sha256: string; counts: { links: number; agreements: number } };

/** A checked report, kept until its warnings are asked for. */
export interface CheckedReport {
  report: Report;
  locate: (p: ProblemItem) => ProblemItem;
}

/** A JSON report's bytes as the API reads them: UTF-8, a BOM dropped, an empty body read as {}. */
export function parseJsonReport(bytes: Uint8Array): { body: unknown } | { problem: 'malformed-json' | 'too-deep' } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { problem: 'malformed-json' };
  }
  return exceedsDepth(body, MAX_JSON_DEPTH) ? { problem: 'too-deep' } : { body };
}

export function checkReport(input: CheckInput, ref: ReferenceData): { result: CheckResult; checked?: CheckedReport } {
  let body: unknown;
  let preErrors: ProblemItem[] = [];
  let locate = (p: ProblemItem) => p;
  if (input.kind === 'json') {
    const parsed = parseJsonReport(input.bytes);
    if ('problem' in parsed) return { result: parsed.problem === 'too-deep' ? { kind: 'too-deep' } : { kind: 'malformed-json' } };
    body = parsed.body;
  } else {
    const csv = csvReport(input.fields, input.links, input.agreements);
    body = csv.body;
    preErrors = csv.errors;
    locate = csv.locate;
  }
  const validation = validateReport(body, ref);
  if (!validation.ok || preErrors.length > 0) {
    const errors = [...preErrors, ...(validation.ok ? [] : validation.errors.map(locate))];
    const warnings = validation.ok ? [] : validation.warnings.slice(0, SHOWN_PROBLEMS).map(locate);
    const sent = body as { institution?: unknown; period?: unknown } | null;
    return {
      result: {
        kind: 'invalid',
        institution: sent?.institution,
        period: sent?.period,
        errors: errors.slice(0, SHOWN_PROBLEMS),
        total: errors.length,
        warnings,
      },
    };
  }
  const { report } = validation;
  return {
    result: {
      kind: 'valid',
      institution: report.institution,
      period: report.period,
      sha256: reportSha256(report),
      counts: { links: report.links.length, agreements: report.agreements.length },
    },
    checked: { report, locate },
  };
}

export function checkedWarnings(checked: CheckedReport, previousLinks: readonly Link[], replaced?: ReplacedVersion): ProblemItem[] {
  return reportWarnings(checked.report, previousLinks, replaced).map(checked.locate);
}
