// A dry run of a large report with its parsing and checks on the report-check worker: answers
// what submitReport answers for a dry run, while the event loop serves everyone else.
import type { AppContext } from '../app-context.js';
import type { Receipt } from '../contract/reports.js';
import { Invalid, nothingStored } from '../domain/errors.js';
import { jsonTooDeep } from '../domain/json-depth.js';
import type { Principal } from '../domain/principal.js';
import { malformedJson } from './report-body.js';
import type { CheckInput } from './report-check.js';
import { liveLinks, nextVersion, previousReport } from './repository.js';
import { assertMaySubmit, assertMaySubmitAudited, referenceData, refuseReport, replacedVersionOf } from './service.js';

export async function dryRunOffThread(ctx: AppContext, principal: Principal, input: CheckInput): Promise<Receipt> {
  const { result, warnings, release } = await ctx.reportChecks.check(input, await referenceData(ctx));
  try {
    if (result.kind === 'malformed-json') throw malformedJson();
    if (result.kind === 'too-deep') throw jsonTooDeep();
    assertMaySubmit(principal, result.institution);
    if (result.kind === 'invalid') throw new Invalid(result.errors, nothingStored(result.total), undefined, result.warnings);
    const { institution, period, sha256, counts } = result;
    const [previous, replaced] = await Promise.all([
      previousReport(ctx.db, institution, period),
      replacedVersionOf(ctx, institution, period),
    ]);
    const found = await warnings(previous ? await liveLinks(ctx.db, previous.id) : [], replaced);
    const version = await nextVersion(ctx.db, institution, period);
    return { id: null, institution, period, version, receivedAt: ctx.now().toISOString(), sha256, counts, warnings: found, dryRun: true };
  } finally {
    release();
  }
}

/**
 * A large report's parsing and checks on the worker, before the event loop parses it: an invalid
 * one is refused here as submitReport refuses one (permission first, then every problem; audited
 * unless a dry run); a valid one is left to the caller.
 */
export async function refuseInvalidOffThread(ctx: AppContext, principal: Principal, input: CheckInput, dryRun: boolean): Promise<void> {
  const { result, release } = await ctx.reportChecks.check(input, await referenceData(ctx));
  release();
  if (result.kind === 'malformed-json') throw malformedJson();
  if (result.kind === 'too-deep') throw jsonTooDeep();
  if (result.kind !== 'invalid') return;
  const sent = { institution: result.institution, period: result.period };
  await assertMaySubmitAudited(ctx, principal, sent, dryRun);
  await refuseReport(ctx, principal, sent, result.errors, result.total, dryRun, result.warnings);
}
