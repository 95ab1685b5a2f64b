// Runs the rules and stores what changed: after each accepted report (the periods it can affect),
// after a settings change (that rule, every period), at start-up when anything is stale, and on
// demand. Runs are serialised: each reads and rewrites the findings it may change.
import type { AppContext } from '../app-context.js';
import { computeCoverage, CoverageCollector, storeCoverage } from '../analytics/coverage-store.js';
import { coverageMembers } from '../analytics/coverage.js';
import { appendAudit } from '../audit/repository.js';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { applyChanges, mergeCandidates, mergeCandidatesById, type AppliedChanges } from '../findings/repository.js';
import { mergeOutcomes, type Change, type MergeInput } from '../findings/merge.js';
import type { FindingStatus } from '../findings/status-machine.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { nextPeriod } from '../state/periods.js';
import { anyReportUnseen, latestReportId } from '../state/repository.js';
import { RULES, ruleById } from './catalog.js';
import { planCorrection, type CorrectionPlan } from './correction.js';
import { evaluate, judgingPeriod, loadWorld, type ConfiguredRule, type World } from './engine.js';
import { loadRuleConfigs, markApplied, markerOf } from './settings-repository.js';

export interface RunScope {
  /** Rules to run (default: every enabled rule). */
  rules?: readonly string[];
  /** Periods to evaluate (default: from the first reported period to the latest). */
  from?: string;
  to?: string;
  /** Reports this run accounts for; all reports when it runs every period. */
  reportIds?: readonly number[];
  /** The report (of reportIds) that may be a correction, whose run is then limited to what it changed (correction.ts). */
  corrects?: number;
}

export interface RunSummary {
  rules: string[];
  from: string | null;
  to: string | null;
  opened: number;
  resolved: number;
  reopened: number;
  updated: number;
  findingsHit: number;
  ms: number;
}

/** [findingId, from, to]: from is null for a new finding. Arrays keep a large run's audit entry small. */
export type StatusChange = [number, FindingStatus | null, FindingStatus];

const queues = new WeakMap<Db, Promise<unknown>>();

/** One run at a time per database, in the order asked. */
function serialised<T>(db: Db, task: () => Promise<T>): Promise<T> {
  const before = queues.get(db) ?? Promise.resolve();
  const run = before.then(task, task);
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}

export function runRules(ctx: AppContext, scope: RunScope = {}): Promise<RunSummary> {
  const label = `rules run ${scope.rules?.join(',') ?? 'all rules'} ${scope.from ?? 'first'}..${scope.to ?? 'latest'}`;
  return ctx.pending.track(
    label,
    serialised(ctx.db, () => runNow(ctx, scope)),
  );
}

async function runNow(ctx: AppContext, scope: RunScope): Promise<RunSummary> {
  const started = performance.now();
  const now = ctx.now();
  const configs = await loadRuleConfigs(ctx.db, now);
  const world = await loadWorld(ctx.db, acceptedPeriods(ctx));
  const chosen: ConfiguredRule[] = RULES.filter((r) => (scope.rules ? scope.rules.includes(r.id) : true))
    .filter((r) => configs.get(r.id)?.enabled)
    .map((rule) => ({ rule, settings: configs.get(rule.id)!.settings }));
  const everyPeriod = scope.from === undefined && scope.to === undefined;
  const maxReportId = everyPeriod ? await latestReportId(ctx.db) : 0;
  const summary: RunSummary = {
    rules: chosen.map((c) => c.rule.id),
    from: null,
    to: null,
    opened: 0,
    resolved: 0,
    reopened: 0,
    updated: 0,
    findingsHit: 0,
    ms: 0,
  };

  // Coverage follows the reports alone: the runs that account for them store it with their
  // findings, counted from the states the rules walk through.
  const collector = scope.rules || chosen.length === 0 ? null : new CoverageCollector(coverageMembers([...world.institutions.values()]));
  let merge: MergeInput | null = null;
  let changes: Change[] = [];
  let plan: CorrectionPlan | null = null;
  if (world.latestPeriod !== null && world.firstPeriod !== null) {
    const latestPeriod = world.latestPeriod;
    const from = scope.from && scope.from > world.firstPeriod ? scope.from : world.firstPeriod;
    const to = scope.to && scope.to < latestPeriod ? scope.to : latestPeriod;
    summary.from = from;
    summary.to = to;
    const ruleIds = chosen.map((c) => c.rule.id);
    plan =
      scope.corrects !== undefined && collector
        ? await planCorrection(ctx, {
            reportId: scope.corrects,
            cities: world.cityCodes,
            rules: chosen,
            configs,
            members: collector.members,
            from,
            to,
          })
        : null;
    const cities = plan ? world.cityCodes.filter((c) => plan!.cities.has(c)) : undefined;
    const outcomes = await evaluate(ctx.db, world, chosen, from, to, now, {
      eachState: collector ? (state) => collector.add(state) : undefined,
      cities,
    });
    const existing = await mergeCandidates(ctx.db, ruleIds, from, outcomes.keys(), plan?.cities);
    for (const { finding, outcome } of plan?.moved ?? []) {
      existing.push(finding);
      outcomes.set(finding.fingerprint, outcome);
    }
    // By id, however they were read: a limited run then writes its changes and their history in the
    // order a run of every city does (compared on the national database).
    existing.sort((a, b) => a.id - b.id);
    merge = {
      existing,
      outcomes,
      from,
      to,
      judgingPeriod: judgingPeriods(world, latestPeriod),
      ruleVersion: (id) => ruleById(id)?.version ?? 1,
      periodScoped: (id) => ruleById(id)?.periodScoped === true,
      // A version newer than the world knows (stored since it was read) supersedes nothing yet.
      superseded: (e) => (world.latestVersions.get(e.institution)?.get(e.period) ?? e.version) > e.version,
    };
    changes = mergeOutcomes(merge);
    summary.findingsHit = outcomes.size;
  }
  const coverage =
    scope.rules || summary.from === null || summary.to === null
      ? null
      : collector
        ? collector.cells()
        : await computeCoverage(ctx.db, summary.from, summary.to);

  await ctx.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const { applied } = merge ? await applyMerge(trx, merge, changes, at) : { applied: [] };
    if (coverage) await storeCoverage(trx, coverage, { otherCitiesKept: plan !== null });
    const statusChanges: StatusChange[] = [];
    for (const { id, change } of applied) {
      if (change.kind === 'insert') summary.opened += change.state.status === 'open' ? 1 : 0;
      else summary.updated += 1;
      for (const h of change.history) {
        if (h.from === h.to) continue;
        statusChanges.push([id, h.from, h.to]);
        if (h.from !== null && h.to === 'resolved') summary.resolved += 1;
        if (h.from === 'resolved' && h.to === 'open') summary.reopened += 1;
      }
    }
    // One audit entry a run that changed findings, not one a finding; it lists every status change
    // the run made, so that the system's decisions are in the chained trail, not only in the
    // findings' history.
    if (applied.length > 0) {
      const { rules, from, to, opened, resolved, reopened, updated } = summary;
      const details = {
        rules,
        from,
        to,
        changed: applied.length,
        opened,
        resolved,
        reopened,
        updated,
        statusChanges,
        reportIds: scope.reportIds ? [...scope.reportIds] : undefined,
      };
      await appendAudit(trx, { at, actor: 'system', action: 'rules.run', target: 'findings', details });
    }
    if (everyPeriod) {
      for (const c of chosen) await markApplied(trx, c.rule.id, markerOf(c.rule, configs.get(c.rule.id)!));
      if (!scope.rules)
        await trx.updateTable('reports').set({ rules_applied: 1 }).where('id', '<=', maxReportId).where('rules_applied', '=', 0).execute();
    }
    if (scope.reportIds?.length)
      await trx
        .updateTable('reports')
        .set({ rules_applied: 1 })
        .where('id', 'in', [...scope.reportIds])
        .execute();
  });

  summary.ms = Math.round(performance.now() - started);
  ctx.logger.info(
    { rules: summary, ...(plan ? { correction: { replaced: plan.replaced.id, cities: plan.cities.size, moved: plan.moved.length } } : {}) },
    'rules ran',
  );
  return summary;
}

/**
 * Writes a merge's changes. The merge worked from findings read before the transaction: one whose
 * status a person changed since is merged again, from its status now, and written with that.
 */
async function applyMerge(trx: Transaction<Database>, merge: MergeInput, changes: readonly Change[], at: string): Promise<AppliedChanges> {
  const first = await applyChanges(trx, changes, at);
  if (first.stale.length === 0) return first;
  const existing = await mergeCandidatesById(trx, first.stale);
  const outcomes = new Map(
    existing.flatMap((f) => (merge.outcomes.has(f.fingerprint) ? [[f.fingerprint, merge.outcomes.get(f.fingerprint)!] as const] : [])),
  );
  // Inside the transaction nothing else writes, so this second pass cannot go stale.
  const again = await applyChanges(trx, mergeOutcomes({ ...merge, existing, outcomes }), at);
  return { applied: [...first.applied, ...again.applied], stale: again.stale };
}

/**
 * judgingPeriod, remembered per rule and subjects for the rules judged when their subjects reported:
 * a big report's run merges tens of thousands of findings on the same few hundred pairs.
 */
function judgingPeriods(world: World, latestPeriod: string): MergeInput['judgingPeriod'] {
  const known = new Map<string, string>();
  return (id, subjects) => {
    const rule = ruleById(id);
    if (!rule?.judgedWhenSubjectsReported) return judgingPeriod(world, latestPeriod, rule, subjects);
    const key = `${id}\u0000${subjects.join('\u0000')}`;
    let period = known.get(key);
    if (period === undefined) known.set(key, (period = judgingPeriod(world, latestPeriod, rule, subjects)));
    return period;
  };
}

/** The periods a new report of (institution, period) can change: its own up to the institution's next report (SUSP compares with the month before), and any months it newly opens at the end. */
export async function scopeOfReport(db: Db, reportId: number, institution: string, period: string): Promise<RunScope> {
  const later = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.min('period').as('p'))
    .where('institution', '=', institution)
    .where('period', '>', period)
    .executeTakeFirst();
  const before = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.max('period').as('p'))
    .where('id', '!=', reportId)
    .executeTakeFirst();
  const latestBefore = (before?.p as string | null) ?? null;
  const from = latestBefore !== null && period > nextPeriod(latestBefore) ? nextPeriod(latestBefore) : period;
  const next = (later?.p as string | null) ?? undefined;
  return { from, ...(next ? { to: next } : {}), reportIds: [reportId], ...(from === period ? { corrects: reportId } : {}) };
}

/**
 * Runs the rules for what a stored report can change. A failure here does not undo the report: it
 * stays marked unseen, and the start-up check runs the rules again.
 */
export async function runRulesForReport(ctx: AppContext, report: { id: number; institution: string; period: string }): Promise<void> {
  try {
    await runRules(ctx, await scopeOfReport(ctx.db, report.id, report.institution, report.period));
  } catch (err) {
    ctx.logger.error({ err, reportId: report.id }, 'rules failed after a report; they will run again at start-up');
  }
}

/** At start-up: rerun what is stale (a rule whose version or settings changed, reports the rules never saw), and the time-bound rules. */
export async function refreshStaleFindings(ctx: AppContext): Promise<RunSummary[]> {
  const configs = await loadRuleConfigs(ctx.db, ctx.now());
  if (await anyReportUnseen(ctx.db)) return [await runRules(ctx)];
  const stale = RULES.filter((r) => {
    const config = configs.get(r.id)!;
    return config.applied !== markerOf(r, config) || r.periodScoped;
  }).map((r) => r.id);
  return stale.length > 0 ? [await runRules(ctx, { rules: stale })] : [];
}
