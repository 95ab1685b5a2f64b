// The rules API's logic: listing with counts, settings changes that re-run the rule, and the
// analyst's what-if preview, which evaluates without writing anything.
import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { appendAudit } from '../audit/repository.js';
import type { previewResult, ruleView } from '../contract/rules.js';
import type { PeriodRange } from '../findings/period-ranges.js';
import { countByRuleAndStatus } from '../findings/repository.js';
import { SYSTEM_RESOLVES, type FindingStatus } from '../findings/status-machine.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { issuesToProblems } from '../domain/parse-input.js';
import { acceptedPeriods } from '../state/accepted-periods.js';
import { RULES, ruleById } from './catalog.js';
import { evaluate, judgingPeriod, loadWorld } from './engine.js';
import type { Rule } from './rule.js';
import { runRules } from './run-rules.js';
import { loadRuleConfigs, saveRuleConfig, type RuleConfig } from './settings-repository.js';

type RuleView = z.infer<typeof ruleView>;
type PreviewResult = z.infer<typeof previewResult>;

function view(rule: Rule, config: RuleConfig, counts: Partial<Record<FindingStatus, number>>): RuleView {
  return {
    id: rule.id,
    version: rule.version,
    title: rule.title,
    description: rule.description,
    severity: rule.defaultSeverity,
    enabled: config.enabled,
    settings: config.settings,
    defaults: rule.defaults,
    counts,
    updatedAt: config.updatedAt,
    updatedBy: config.updatedBy,
  };
}

async function countsByRule(ctx: AppContext): Promise<Map<string, Partial<Record<FindingStatus, number>>>> {
  const byRule = new Map<string, Partial<Record<FindingStatus, number>>>();
  for (const { ruleId, status, n } of await countByRuleAndStatus(ctx.db)) {
    (byRule.get(ruleId) ?? byRule.set(ruleId, {}).get(ruleId)!)[status as FindingStatus] = n;
  }
  return byRule;
}

export async function listRules(ctx: AppContext): Promise<RuleView[]> {
  const configs = await loadRuleConfigs(ctx.db, ctx.now());
  const counts = await countsByRule(ctx);
  return RULES.map((r) => view(r, configs.get(r.id)!, counts.get(r.id) ?? {}));
}

function knownRule(id: string): Rule {
  const rule = ruleById(id);
  if (!rule) throw new NotFound({ en: `No rule ${id}.`, zh: `没有规则 ${id}。` });
  return rule;
}

/** The rule's current settings with the given ones applied, checked against the rule's schema. */
function mergedSettings(rule: Rule, current: Record<string, number>, changes: Record<string, number>): Record<string, number> {
  const result = rule.settings.safeParse({ ...current, ...changes });
  if (!result.success)
    throw new Invalid(
      issuesToProblems(result.error.issues, ['settings']).map((p) => (p.code === 'UNKNOWN_FIELD' ? { ...p, code: 'UNKNOWN_SETTING' } : p)),
    );
  return result.data;
}

export async function updateRule(
  ctx: AppContext,
  id: string,
  change: { enabled?: boolean; settings?: Record<string, number> },
  by: string,
): Promise<RuleView> {
  const rule = knownRule(id);
  const config = (await loadRuleConfigs(ctx.db, ctx.now())).get(id)!;
  const settings = mergedSettings(rule, config.settings, change.settings ?? {});
  const enabled = change.enabled ?? config.enabled;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await saveRuleConfig(trx, id, enabled, settings, by, at);
    const details = { enabled: { from: config.enabled, to: enabled }, settings: { from: config.settings, to: settings } };
    await appendAudit(trx, { at, actor: by, action: 'rule.update', target: `rule:${id}`, details });
  });
  try {
    await runRules(ctx, { rules: [id] });
  } catch (err) {
    // The change is saved and audited; its findings are stale until a run succeeds (at the latest, at start-up).
    ctx.logger.error({ err, ruleId: id }, 'the re-run after a settings change failed; it runs again at start-up');
  }
  const [updated] = (await listRules(ctx)).filter((r) => r.id === id);
  return updated;
}

export async function previewRule(ctx: AppContext, id: string, changes: Record<string, number>): Promise<PreviewResult> {
  const rule = knownRule(id);
  const config = (await loadRuleConfigs(ctx.db, ctx.now())).get(id)!;
  const settings = mergedSettings(rule, config.settings, changes);
  const world = await loadWorld(ctx.db, acceptedPeriods(ctx));
  const result: PreviewResult = { ruleId: id, period: world.latestPeriod, settings, wouldOpen: 0, wouldResolve: 0, unchanged: 0 };
  if (world.latestPeriod === null || world.firstPeriod === null) return result;
  // Whether a finding holds depends on the period it is judged at: the latest period (then only that
  // period needs evaluating), or, for one-period rules and rules judged when all subjects have
  // reported, periods before it too.
  const latestPeriod = world.latestPeriod;
  const from = rule.periodScoped || rule.judgedWhenSubjectsReported ? world.firstPeriod : latestPeriod;
  const outcomes = await evaluate(ctx.db, world, [{ rule, settings }], from, latestPeriod, ctx.now());
  const existing = await ctx.db
    .selectFrom('findings')
    .select(['fingerprint', 'subjects', 'status', 'holds', 'periods'])
    .where('rule_id', '=', id)
    .execute();
  const stored = new Map(
    existing.map((f) => [
      f.fingerprint,
      {
        status: f.status as FindingStatus,
        holds: f.holds === 1,
        subjects: JSON.parse(f.subjects) as string[],
        lastHeld: (JSON.parse(f.periods) as PeriodRange[]).at(-1)?.[1],
      },
    ]),
  );
  const holdsAfter = (fingerprint: string) => {
    const o = outcomes.get(fingerprint);
    if (o === undefined) return false;
    return (
      rule.periodScoped || o.periods.includes(judgingPeriod(world, latestPeriod, rule, stored.get(fingerprint)?.subjects ?? o.hit.subjects))
    );
  };
  for (const [fingerprint, outcome] of outcomes) {
    if (!holdsAfter(fingerprint)) continue;
    const finding = stored.get(fingerprint);
    // A resolved finding reopens when its condition comes back, or, resolved by hand while it held,
    // when it holds in a later period than it had: as a run would do it.
    const heldLater = finding?.lastHeld === undefined || outcome.periods.at(-1)! > finding.lastHeld;
    if (finding === undefined || (finding.status === 'resolved' && (!finding.holds || heldLater))) result.wouldOpen += 1;
    else result.unchanged += 1;
  }
  for (const [fingerprint, { status }] of stored) {
    if (SYSTEM_RESOLVES.has(status) && !holdsAfter(fingerprint)) result.wouldResolve += 1;
  }
  return result;
}
