import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { clockAfter, generateHistory } from './generate-history.js';
import { relationshipRows } from './report-builder.js';
import type { GenerateSpec } from './sizes.js';
import type { Relationship } from './world.js';

async function generated(seed: number, rules = true) {
  const spec: GenerateSpec = { kind: 'world', params: { institutions: 7, cities: 5, periods: 4, seed } };
  const database = openDatabase(':memory:');
  const now = clockAfter('2019-04');
  const ctx = createAppContext({
    db: database.db,
    config: loadConfig({ DB_PATH: ':memory:', SEED: 'none', LOG_LEVEL: 'silent' }),
    logger: createLogger('silent'),
    now: () => now,
  });
  try {
    const result = await generateHistory(ctx, spec, { rules });
    const accepted = await ctx.db
      .selectFrom('audit_log')
      .select(['target', 'details'])
      .where('action', '=', 'report.accepted')
      .orderBy('seq')
      .execute();
    const reports = await ctx.db.selectFrom('reports').select(['id', 'sha256', 'rules_applied', 'links_count']).orderBy('id').execute();
    return { result, accepted, reports };
  } finally {
    await database.close();
  }
}

describe('the generator', () => {
  it('writes the same reports, hash for hash, for the same seed, and other reports for another seed', async () => {
    const [a, b, c] = [await generated(42, false), await generated(42, false), await generated(43, false)];
    expect(a.result.reports).toBeGreaterThan(0);
    expect(b.result.sha256s).toEqual(a.result.sha256s);
    expect(c.result.sha256s).not.toEqual(a.result.sha256s);
  });

  it('submits through the ingestion service: each report has its receipt hash, an audit entry, and was seen by the rules', async () => {
    const { result, accepted, reports } = await generated(7);
    expect(reports.map((r) => r.sha256)).toEqual(result.sha256s);
    expect(accepted.map((e) => e.target)).toEqual(reports.map((r) => `report:${r.id}`));
    expect(reports.every((r) => r.rules_applied === 1)).toBe(true);
    expect(reports.reduce((sum, r) => sum + r.links_count, 0)).toBe(result.links);
    expect(result.rules?.findingsHit).toBeGreaterThan(0);
  });
});

describe('a city-by-city roll-out', () => {
  const rollout: Relationship = {
    scanner: 'a',
    issuer: 'b',
    mode: 'mpm',
    channel: 'offline',
    cities: ['110000', '120000', '310000'],
    start: 1,
    pilotMonths: 1,
    ratePerMonth: 2,
    nationwideAfterRollout: true,
    suspended: null,
    disputedFrom: null,
  };
  const at = (t: number) => relationshipRows(rollout, t, '2019-01').map((r) => `${r.city}:${r.status}:${r.since}`);

  it('pilots in its first city, goes live a few cities a month, then is declared for every city', () => {
    expect(at(0)).toEqual([]);
    expect(at(1)).toEqual(['110000:pilot:2019-02-01', '120000:pilot:2019-02-01']);
    expect(at(2)).toEqual(['110000:live:2019-03-01', '120000:live:2019-03-01', '310000:pilot:2019-03-01']);
    expect(at(3)).toEqual(['110000:live:2019-03-01', '120000:live:2019-03-01', '310000:live:2019-04-01']);
    expect(at(4)).toEqual(['*:live:2019-05-01']);
  });

  it('is suspended in every city for the months of a suspension, and live again since it resumed', () => {
    const paused: Relationship = { ...rollout, cities: null, start: 0, pilotMonths: 0, suspended: { from: 2, to: 2 } };
    expect(relationshipRows(paused, 2, '2019-01')).toMatchObject([{ city: '*', status: 'suspended', since: '2019-03-01' }]);
    expect(relationshipRows(paused, 3, '2019-01')).toMatchObject([{ city: '*', status: 'live', since: '2019-04-01' }]);
  });
});
