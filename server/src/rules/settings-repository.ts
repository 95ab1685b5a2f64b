// Each rule's enabled flag and settings, and the marker of what the stored findings were computed
// with: a marker that differs from the rule's version and settings means its findings are stale.
import type { Db } from '../db/database.js';
import { RULES } from './catalog.js';
import type { Rule } from './rule.js';

export interface RuleConfig {
  ruleId: string;
  enabled: boolean;
  settings: Record<string, number>;
  applied: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** What findings computed now would be computed with. */
export function markerOf(rule: Rule, config: Pick<RuleConfig, 'enabled' | 'settings'>): string {
  return JSON.stringify({ version: rule.version, enabled: config.enabled, settings: config.settings });
}

/** Every rule's configuration; rules without a row get their defaults (and a row). */
export async function loadRuleConfigs(db: Db, now: Date): Promise<Map<string, RuleConfig>> {
  const rows = await db.selectFrom('rule_settings').selectAll().execute();
  const known = new Set(rows.map((r) => r.rule_id));
  const missing = RULES.filter((r) => !known.has(r.id));
  if (missing.length > 0) {
    const fresh = missing.map((r) => ({
      rule_id: r.id,
      enabled: 1,
      settings: JSON.stringify(r.defaults),
      applied: null,
      updated_at: now.toISOString(),
      updated_by: 'system',
    }));
    await db
      .insertInto('rule_settings')
      .values(fresh)
      .onConflict((oc) => oc.column('rule_id').doNothing())
      .execute();
    rows.push(...fresh);
  }
  return new Map(
    rows.map((r) => {
      const rule = RULES.find((x) => x.id === r.rule_id);
      // Settings added in a later rule version take their defaults.
      const settings = { ...(rule?.defaults ?? {}), ...(JSON.parse(r.settings) as Record<string, number>) };
      return [
        r.rule_id,
        { ruleId: r.rule_id, enabled: r.enabled === 1, settings, applied: r.applied, updatedAt: r.updated_at, updatedBy: r.updated_by },
      ];
    }),
  );
}

export async function saveRuleConfig(
  db: Db,
  ruleId: string,
  enabled: boolean,
  settings: Record<string, number>,
  by: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('rule_settings')
    .set({ enabled: enabled ? 1 : 0, settings: JSON.stringify(settings), updated_at: at, updated_by: by })
    .where('rule_id', '=', ruleId)
    .execute();
}

export async function markApplied(db: Db, ruleId: string, marker: string): Promise<void> {
  await db.updateTable('rule_settings').set({ applied: marker }).where('rule_id', '=', ruleId).execute();
}

/** Marks every enabled rule's findings stale (a change of the reference data they were computed from), until a run marks them applied again. */
export async function markAllStale(db: Db): Promise<void> {
  await db.updateTable('rule_settings').set({ applied: null }).where('enabled', '=', 1).execute();
}
