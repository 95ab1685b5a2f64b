// The rules API's logic: listing with counts, settings changes that re-run the rule, and the
// analyst's what-if preview, which evaluates without writing anything.
import type { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { appendAudit } from '../audit/repository.js';
import type { previewResult, ruleView } from '../contract/rules.js';
import { countByRuleAndStatus } from '../findings/repository.js';
import { ACTIVE, type FindingStatus } from '../findings/status-machine.js';
import { Invalid, NotFound } from '../http/errors.js';
import { issuesToProblems } from '../http/validate.js';
import { RULES, ruleById } from './catalog.js';
import { evaluate, loadWorld } from './engine.js';
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
  if (!rule) throw new NotFound(`No rule ${id}.`);
  return rule;
}

/** The rule's current settings with the given ones applied, checked against the rule's schema. */
function mergedSettings(rule: Rule, current: Record<string, number>, changes: Record<string, number>): Record<string, number> {
  const result = rule.settings.safeParse({ ...current, ...changes });
  if (!result.success) throw new Invalid(issuesToProblems(result.error.issues, ['settings']).map((p) => (p.code === 'UNKNOWN_FIELD' ? { ...p, code: 'UNKNOWN_SETTING' } : p)));
  return result.data;
}

export async function updateRule(ctx: AppContext, id: string, change: { enabled?: boolean; settings?: Record<string, number> }, by: string): Promise<RuleView> {
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
  await runRules(ctx, { rules: [id] });
  const [updated] = (await listRules(ctx)).filter((r) => r.id === id);
  return updated;
}

export async function previewRule(ctx: AppContext, id: string, changes: Record<string, number>): Promise<PreviewResult> {
  const rule = knownRule(id);
  const config = (await loadRuleConfigs(ctx.db, ctx.now())).get(id)!;
  const settings = mergedSettings(rule, config.settings, changes);
  const world = await loadWorld(ctx.db);
  const result: PreviewResult = { ruleId: id, period: world.latestPeriod, settings, wouldOpen: 0, wouldResolve: 0, unchanged: 0 };
  if (world.latestPeriod === null || world.firstPeriod === null) return result;
  // Whether a finding is open or resolved depends on the latest period only (on every period for one-period rules).
  const from = rule.periodScoped ? world.firstPeriod : world.latestPeriod;
  const outcomes = await evaluate(ctx.db, world, [{ rule, settings }], from, world.latestPeriod, ctx.now());
  const holdsAfter = (fingerprint: string) => {
    const o = outcomes.get(fingerprint);
    return o !== undefined && (rule.periodScoped || o.periods.at(-1) === world.latestPeriod);
  };
  const existing = await ctx.db.selectFrom('findings').select(['fingerprint', 'status', 'holds']).where('rule_id', '=', id).execute();
  const statusOf = new Map(existing.map((f) => [f.fingerprint, f.status as FindingStatus]));
  const holdsNow = new Set(existing.filter((f) => f.holds === 1).map((f) => f.fingerprint));
  for (const fingerprint of outcomes.keys()) {
    if (!holdsAfter(fingerprint)) continue;
    const status = statusOf.get(fingerprint);
    // A resolved finding reopens only when its condition comes back, as a run would do it.
    if (status === undefined || (status === 'resolved' && !holdsNow.has(fingerprint))) result.wouldOpen += 1;
    else result.unchanged += 1;
  }
  for (const [fingerprint, status] of statusOf) {
    if (ACTIVE.has(status) && !holdsAfter(fingerprint)) result.wouldResolve += 1;
  }
  return result;
}
