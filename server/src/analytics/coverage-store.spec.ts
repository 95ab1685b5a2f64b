import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstitutionFile } from '../reference/seed-reference.js';
import { runRules } from '../rules/run-rules.js';
import { loadDemoData } from '../seed/demo-data.js';
import { DEMO_LAST_PERIOD } from '../seed/demo-story.js';
import type { ApiClient } from '../test/api-client.js';
import { aLink } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { fillStaleCoverage } from './coverage-store.js';

// Coverage answered from the stored cells must be the answer computed from the reports, to the last
// bit, and must follow a report as soon as it is accepted.
let app: TestApp;
let analyst: ApiClient;

const SCOPES = ['mode=mpm&channel=offline', 'mode=mpm&channel=online', 'mode=cpm&channel=offline', 'mode=cpm&channel=online'];
const QUERIES = SCOPES.flatMap((s) => [
  `by=period&${s}`,
  `by=city&${s}`,
  `by=province&${s}`,
  `by=period&city=440000&${s}`,
  `by=city&to=2021-03&${s}`,
]);

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2022-01-20T08:00:00Z'), institutions: loadInstitutionFile() });
  analyst = await app.as('analyst');
  await loadDemoData(app.ctx);
  await runRules(app.ctx);
});
afterAll(() => app.close());

/** Every query's answer, as the API gives it now. */
async function answers(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const q of QUERIES) {
    const res = await analyst.get(`/api/v1/coverage?${q}`);
    expect(res.status, res.text).toBe(200);
    out[q] = res.body;
  }
  out.overview = (await analyst.get('/api/v1/overview')).body;
  return out;
}

/** The same answers computed from the reports: with no period stored, nothing is read from the cells. */
async function computedAnswers(): Promise<Record<string, unknown>> {
  await app.ctx.db.deleteFrom('coverage_periods').execute();
  try {
    return await answers();
  } finally {
    await fillStaleCoverage(app.ctx);
  }
}

async function storedPeriods(): Promise<string[]> {
  return (await app.ctx.db.selectFrom('coverage_periods').select('period').orderBy('period').execute()).map((r) => r.period);
}

describe('stored coverage', () => {
  it('holds every reported period after a full rules run, and answers exactly what the reports give', async () => {
    const periods = await storedPeriods();
    expect(periods[0]).toBe('2020-01');
    expect(periods.at(-1)).toBe(DEMO_LAST_PERIOD);
    const stored = await answers();
    expect(await computedAnswers()).toEqual(stored);
    expect(await storedPeriods()).toEqual(periods);
  });

  it('follows a report at once: the answer after it changes, and is what the reports give', async () => {
    const before = await answers();
    // Alipay's and WeChat Pay's new versions for the last period say only that they recognise each
    // other everywhere (each scanner's word counting for its own scanning).
    const links = ['mpm', 'cpm'].flatMap((mode) =>
      ['offline', 'online'].flatMap((channel) =>
        [aLink({ scanner: 'alipay', issuer: 'tenpay' }), aLink({ scanner: 'tenpay', issuer: 'alipay' })].map((l) => ({
          ...l,
          mode,
          channel,
          city: '*',
        })),
      ),
    );
    for (const institution of ['alipay', 'tenpay']) {
      const res = await (
        await app.as(institution)
      ).post('/api/v1/reports', { institution, period: DEMO_LAST_PERIOD, links, agreements: [] });
      expect(res.status, res.text).toBe(201);
    }

    const after = await answers();
    expect(after['by=period&mode=mpm&channel=offline']).not.toEqual(before['by=period&mode=mpm&channel=offline']);
    expect(after['by=city&mode=cpm&channel=online']).not.toEqual(before['by=city&mode=cpm&channel=online']);
    // An earlier period the report cannot reach is unchanged.
    expect(after['by=city&to=2021-03&mode=mpm&channel=offline']).toEqual(before['by=city&to=2021-03&mode=mpm&channel=offline']);
    expect(await computedAnswers()).toEqual(after);
  });

  it('is not used for a period whose report the rules have not seen yet', async () => {
    const lastPeriod = await app.ctx.db
      .selectFrom('reports')
      .select('id')
      .where('period', '=', DEMO_LAST_PERIOD)
      .where('latest', '=', 1)
      .executeTakeFirstOrThrow();
    // As after a crash between storing a report and the rules run: the stored cells are kept but not trusted.
    await app.ctx.db.updateTable('reports').set({ rules_applied: 0 }).where('id', '=', lastPeriod.id).execute();
    await app.ctx.db.updateTable('coverage_cells').set({ mutual_pairs: 0 }).where('period', '=', DEMO_LAST_PERIOD).execute();
    try {
      const res = await analyst.get('/api/v1/coverage?by=city&mode=mpm&channel=offline');
      expect(res.body.series.some((e: { mutualPairs: number }) => e.mutualPairs > 0)).toBe(true);
    } finally {
      await runRules(app.ctx);
    }
    const res = await analyst.get('/api/v1/coverage?by=city&mode=mpm&channel=offline');
    expect(res.body.series.some((e: { mutualPairs: number }) => e.mutualPairs > 0)).toBe(true);
  });

  it('after a run holds exactly the cells a run over an empty store writes, whatever was stored before', async () => {
    const db = app.ctx.db;
    const dump = async () => ({
      cells: await db.selectFrom('coverage_cells').selectAll().orderBy(['mode', 'channel', 'period', 'city']).execute(),
      periods: await db.selectFrom('coverage_periods').selectAll().orderBy('period').execute(),
    });
    await db.deleteFrom('coverage_cells').execute();
    await db.deleteFrom('coverage_periods').execute();
    await runRules(app.ctx);
    const fresh = await dump();
    expect(fresh.cells.length).toBeGreaterThan(1000);
    // Stored cells that disagree with the reports: other figures, a city not in the registry, a
    // period counted over other members, a missing cell.
    await db.updateTable('coverage_cells').set({ mutual_pairs: 7 }).where('period', '=', '2021-03').where('mode', '=', 'mpm').execute();
    await db
      .insertInto('coverage_cells')
      .values({ mode: 'mpm', channel: 'offline', period: '2021-03', city: '999999', mutual_pairs: 1, pairs: 1 })
      .execute();
    await db.updateTable('coverage_periods').set({ members: 'someone-else' }).where('period', '=', '2021-04').execute();
    await db.deleteFrom('coverage_cells').where('period', '=', '2021-05').where('city', '=', '440000').execute();
    expect(await dump()).not.toEqual(fresh);
    await runRules(app.ctx);
    expect(await dump()).toEqual(fresh);
  });

  it('counts again at start-up the periods stored before a link left out by its scanner was absent', async () => {
    const db = app.ctx.db;
    // As stored before cells named their reconciliation: the members alone, over figures the issuers' claims could raise.
    const { members } = await db.selectFrom('coverage_periods').select('members').where('period', '=', '2021-06').executeTakeFirstOrThrow();
    await db
      .updateTable('coverage_periods')
      .set({ members: members.slice(members.indexOf(':') + 1) })
      .where('period', '=', '2021-06')
      .execute();
    await db.updateTable('coverage_cells').set({ mutual_pairs: 7 }).where('period', '=', '2021-06').execute();
    expect(await fillStaleCoverage(app.ctx)).toBe(1);
    expect(await computedAnswers()).toEqual(await answers());
  });
});
