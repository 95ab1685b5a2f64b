// Report ingestion: validate against the reference data, compute hash and warnings, store whole.
// The API, the demo seed and the data generator all come through submitReport.
import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { appendAudit, recordAudit, type NewAuditEntry } from '../audit/repository.js';
import type { Receipt } from '../contract/reports.js';
import type { Db } from '../db/database.js';
import { Forbidden, Invalid, NotFound, nothingStored, type ProblemItem } from '../domain/errors.js';
import { canSeeInstitution, type Principal } from '../domain/principal.js';
import { findInstitution, listCities, listInstitutions } from '../reference/repository.js';
import { runRulesForReport } from '../rules/run-rules.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { rememberStoredReport } from '../state/read-reports.js';
import { cutText } from '../text/well-formed-text.js';
import { reportSha256 } from './canonical-hash.js';
import {
  agreementRefs,
  insertReport,
  latestVersionOf,
  liveLinks,
  nextVersion,
  previousReport,
  findReport,
  toSummary,
} from './repository.js';
import { receiptPdf, receiptPdfName } from './receipt-pdf.js';
import { reportWarnings, type ReplacedVersion } from './report-warnings.js';
import { validateReport, type ReferenceData } from './validate-report.js';

export interface SubmitOptions {
  dryRun?: boolean;
  /** Problems found before validation (CSV parsing), reported together with the others. */
  preErrors?: ProblemItem[];
  /** Maps problems to where the submitter can find them (CSV rows and columns). */
  locate?: (p: ProblemItem) => ProblemItem;
  /** Bulk loads (the demo seed, the generator) run the rules once at the end instead. */
  skipRules?: boolean;
  /** Writes what must commit with the report, in its transaction: the Idempotency-Key's answer. */
  withinCommit?: (trx: Db, receipt: Receipt & { id: number }) => Promise<void>;
}

/** Reference data changes rarely; it is read once per report, not once per row. */
export async function referenceData(ctx: AppContext): Promise<ReferenceData> {
  const [institutions, cities] = await Promise.all([listInstitutions(ctx.db), listCities(ctx.db)]);
  return {
    institutions: new Set(institutions.map((i) => i.id)),
    cities: new Set(cities.map((c) => c.code)),
    accepted: acceptedPeriods(ctx),
  };
}

/** Institutions submit for themselves; admins for anyone; analysts and auditors never. */
export function assertMaySubmit(principal: Principal, institution: unknown): void {
  if (principal.role === 'admin') return;
  if (principal.role !== 'institution')
    throw new Forbidden({ en: 'Only institutions and admins submit reports.', zh: '只有机构和管理员可以提交报告。' });
  if (typeof institution === 'string' && institution !== principal.institution) {
    throw new Forbidden(
      { en: `You submit reports for ${principal.institution} only.`, zh: `您只能为 ${principal.institution} 提交报告。` },
      'NOT_YOUR_INSTITUTION',
    );
  }
}

export async function submitReport(ctx: AppContext, principal: Principal, body: unknown, options: SubmitOptions = {}): Promise<Receipt> {
  const sent = body as SentReport | null;
  await assertMaySubmitAudited(ctx, principal, sent, options.dryRun === true);
  const locate = options.locate ?? ((p) => p);
  const validation = validateReport(body, await referenceData(ctx));
  const preErrors = options.preErrors ?? [];
  if (!validation.ok || preErrors.length > 0) {
    const errors = [...preErrors, ...(validation.ok ? [] : validation.errors.map(locate))];
    const warnings = validation.ok ? [] : validation.warnings.map(locate);
    return refuseReport(ctx, principal, sent, errors, errors.length, options.dryRun === true, warnings);
  }
  const { report } = validation;
  const [previous, replacedVersion] = await Promise.all([
    previousReport(ctx.db, report.institution, report.period),
    replacedVersionOf(ctx, report.institution, report.period),
  ]);
  const warnings = reportWarnings(report, previous ? await liveLinks(ctx.db, previous.id) : [], replacedVersion).map(locate);
  const sha256 = reportSha256(report);
  const receivedAt = ctx.now().toISOString();
  const counts = { links: report.links.length, agreements: report.agreements.length };
  if (options.dryRun) {
    const version = await nextVersion(ctx.db, report.institution, report.period);
    return {
      id: null,
      institution: report.institution,
      period: report.period,
      version,
      receivedAt,
      sha256,
      counts,
      warnings,
      dryRun: true,
    };
  }
  const { row, receipt } = await ctx.db.transaction().execute(async (trx) => {
    const stored = await insertReport(trx, { report, sha256, warnings, submittedBy: principal.username, receivedAt });
    await appendAudit(trx, {
      at: receivedAt,
      actor: principal.username,
      action: 'report.accepted',
      target: `report:${stored.id}`,
      details: {
        institution: stored.institution,
        period: stored.period,
        version: stored.version,
        sha256,
        counts,
        warnings: warnings.length,
      },
    });
    const storedReceipt = {
      id: stored.id,
      institution: stored.institution,
      period: stored.period,
      version: stored.version,
      receivedAt,
      sha256,
      counts,
      warnings,
    };
    await options.withinCommit?.(trx, storedReceipt);
    return { row: stored, receipt: storedReceipt };
  });
  if (!options.skipRules) {
    rememberStoredReport(ctx.db, row.id, report.links, report.agreements);
    await runRulesForReport(ctx, row);
  }
  return receipt;
}

/** The latest version of the month a new report would replace, with its agreements' refs (for AGREEMENTS_DROPPED). */
export async function replacedVersionOf(ctx: AppContext, institution: string, period: string): Promise<ReplacedVersion | undefined> {
  const replaced = await latestVersionOf(ctx.db, institution, period);
  return (
    replaced && { version: replaced.version, agreementRefs: replaced.agreements_count > 0 ? await agreementRefs(ctx.db, replaced.id) : [] }
  );
}

/** What a report's body named, before validation. */
export interface SentReport {
  institution?: unknown;
  period?: unknown;
}

/** Refuses a principal reporting for another institution; an attempt to, the rejection an auditor most needs to see, is audited (dry runs are not). */
export async function assertMaySubmitAudited(
  ctx: AppContext,
  principal: Principal,
  sent: SentReport | null,
  dryRun: boolean,
): Promise<void> {
  try {
    assertMaySubmit(principal, sent?.institution);
  } catch (refusal) {
    if (!dryRun && refusal instanceof Forbidden)
      await recordAudit(
        ctx.db,
        rejectionEntry(principal, sent, [{ code: refusal.code, message: refusal.message, messageZh: refusal.detailZh }], 1, ctx.now()),
      );
    throw refusal;
  }
}

/**
 * Refuses an invalid report (422 with its first problems; `total` counts them all, and the warnings
 * its well-formed rows show come beside them), its refusal audited unless a dry run.
 */
export async function refuseReport(
  ctx: AppContext,
  principal: Principal,
  sent: SentReport | null,
  errors: ProblemItem[],
  total: number,
  dryRun: boolean,
  warnings: ProblemItem[] = [],
): Promise<never> {
  // Nothing else is stored for a rejected report: its audit entry is a transaction of its own.
  if (!dryRun) await recordAudit(ctx.db, rejectionEntry(principal, sent, errors, total, ctx.now()));
  throw new Invalid(errors, nothingStored(total), undefined, warnings);
}

/** The audit entry of a rejected report: who, for what (as the body named it), and how many problems of which kinds. */
function rejectionEntry(principal: Principal, sent: SentReport | null, errors: ProblemItem[], total: number, now: Date): NewAuditEntry {
  const named = (value: unknown, max: number) => (typeof value === 'string' ? cutText(value, max) : null);
  const institution = named(sent?.institution, 40);
  return {
    at: now.toISOString(),
    actor: principal.username,
    action: 'report.rejected',
    target: institution ? `institution:${institution}` : 'reports',
    details: {
      institution,
      period: named(sent?.period, 20),
      errors: total,
      codes: [...new Set(errors.map((e) => e.code))].sort().slice(0, 50),
    },
  };
}

/** A report row the principal may see, or 404 as if it did not exist. */
export async function visibleReport(ctx: AppContext, principal: Principal, id: number) {
  const row = Number.isSafeInteger(id) ? await findReport(ctx.db, id) : undefined;
  if (!row || !canSeeInstitution(principal, row.institution)) throw new NotFound({ en: `No report ${id}.`, zh: `没有报告 ${id}。` });
  return row;
}

export function receiptOf(row: Parameters<typeof toSummary>[0]): Receipt {
  const { latest: _latest, submittedBy: _by, ...receipt } = toSummary(row);
  return receipt;
}

/** A report's receipt as a PDF to print and file, with the SHA-256 of its bytes. */
export async function printableReceipt(
  ctx: AppContext,
  row: Parameters<typeof toSummary>[0],
): Promise<{ bytes: Buffer; sha256: string; filename: string }> {
  const receipt = toSummary(row);
  const bytes = await receiptPdf(receipt, await findInstitution(ctx.db, receipt.institution));
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), filename: receiptPdfName(receipt) };
}
