import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fillStaleCoverage } from '../analytics/coverage-store.js';
import type { FindingSummary } from '../contract/findings.js';
import type { Link } from '../contract/reports.js';
import { loadInstitutionFile } from '../reference/seed-reference.js';
import { loadDemoData } from '../seed/demo-data.js';
import { DEMO_LAST_PERIOD } from '../seed/demo-story.js';
import type { ApiClient } from '../test/api-client.js';
import { detail, setStatus } from '../test/findings-kit.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { changedCities } from './correction.js';
import { runRules } from './run-rules.js';

// A corrected report (a new version of a month already reported) is evaluated only in the cities
// where its declarations changed; elsewhere its findings' evidence moves to the new version's rows.
// Whatever it leaves out must be what evaluating every city gives: a full run afterwards changes
// nothing. The demo's Alipay report of its last month declares every link for all cities ('*'), and
// its rows are the evidence of a CONS-001 finding in each of the 337 cities.
let app: TestApp;
let analyst: ApiClient;
let alipay: ApiClient;
let cities: string[];

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2022-01-20T08:00:00Z'), institutions: loadInstitutionFile() });
  await loadDemoData(app.ctx);
  await runRules(app.ctx);
  analyst = await app.as('analyst');
  alipay = await app.as('alipay');
  cities = (await analyst.get<{ items: { code: string }[] }>('/api/v1/cities')).body.items.map((c) => c.code);
});
afterAll(() => app.close());

type StoredLink = Link & { row: number };

async function alipayReport(period = DEMO_LAST_PERIOD): Promise<{ id: number; version: number; links: StoredLink[] }> {
  const list = await alipay.get<{ items: { id: number; latest: boolean }[] }>(`/api/v1/reports?institution=alipay&period=${period}`);
  const { id } = list.body.items.find((r) => r.latest)!;
  return (await alipay.get<{ id: number; version: number; links: StoredLink[] }>(`/api/v1/reports/${id}`)).body;
}

/** What the run after a report logged: the findings it hit, and for a limited run the cities it evaluated and the findings whose evidence it moved. */
interface RunAfter {
  id: number;
  findingsHit: number;
  correction: { cities: number; moved: number } | null;
}

/** Sends Alipay's links as a new version of a month it reported, and what the run after it did (which must finish without error). */
async function correct(links: Link[], period = DEMO_LAST_PERIOD): Promise<RunAfter> {
  const info = vi.spyOn(app.ctx.logger, 'info');
  const error = vi.spyOn(app.ctx.logger, 'error');
  try {
    const res = await alipay.post<{ id: number }>('/api/v1/reports', { institution: 'alipay', period, links, agreements: [] });
    expect(res.status, res.text).toBe(201);
    expect(error).not.toHaveBeenCalled();
    const ran = info.mock.calls.find(([, message]) => message === 'rules ran');
    expect(ran, 'the run after the report logs what it did').toBeDefined();
    const { rules, correction } = ran![0] as { rules: { findingsHit: number }; correction?: { cities: number; moved: number } };
    return { id: res.body.id, findingsHit: rules.findingsHit, correction: correction ?? null };
  } finally {
    info.mockRestore();
    error.mockRestore();
  }
}

/** Every finding the filter gives, page by page. */
async function findings(query: string): Promise<FindingSummary[]> {
  const all: FindingSummary[] = [];
  for (let page = 1; ; page++) {
    const res = await analyst.get<{ items: FindingSummary[]; total: number }>(`/api/v1/findings?pageSize=500&page=${page}&${query}`);
    expect(res.status, res.text).toBe(200);
    all.push(...res.body.items);
    if (all.length >= res.body.total) return all;
  }
}

const citing = (fs: FindingSummary[], reportId: number) =>
  fs.filter((f) => f.evidence.some((e) => e.reportId === reportId && !e.superseded));
/** Findings that keep evidence of the report, marked superseded by a later version. */
const keepingSuperseded = (fs: FindingSummary[], reportId: number) =>
  fs.filter((f) => f.evidence.some((e) => e.reportId === reportId && e.superseded));
const strip = ({ row: _row, ...link }: StoredLink): Link => link;
const writtenOut = (links: readonly StoredLink[]) =>
  links.flatMap((l) => (l.city === '*' ? cities.map((city) => ({ ...strip(l), city })) : [strip(l)]));

const SCOPES = ['mode=mpm&channel=offline', 'mode=mpm&channel=online', 'mode=cpm&channel=offline', 'mode=cpm&channel=online'];

/** Coverage by city in every mode and channel, as the API answers it (from the stored cells). */
async function coverageByCity(): Promise<unknown[]> {
  const answers = [];
  for (const scope of SCOPES) {
    const res = await analyst.get(`/api/v1/coverage?by=city&${scope}`);
    expect(res.status, res.text).toBe(200);
    answers.push(res.body);
  }
  return answers;
}

/** The same computed from the reports: with no period stored, no cell is read. */
async function computedCoverageByCity(): Promise<unknown[]> {
  await app.ctx.db.deleteFrom('coverage_periods').execute();
  try {
    return await coverageByCity();
  } finally {
    await fillStaleCoverage(app.ctx);
  }
}

/** A full run over every period and city, after the correction's: it must find nothing to change. */
async function expectFullRunChangesNothing(): Promise<void> {
  const summary = await runRules(app.ctx);
  expect({ opened: summary.opened, resolved: summary.resolved, reopened: summary.reopened, updated: summary.updated }).toEqual({
    opened: 0,
    resolved: 0,
    reopened: 0,
    updated: 0,
  });
}

describe('the run after a corrected report', () => {
  it('evaluates no city when the same links are written out city by city, and moves the evidence to the new version’s rows', async () => {
    const before = await alipayReport();
    const cited = citing(await findings('rule=CONS-001&status=open'), before.id);
    expect(cited.length).toBe(cities.length);
    const links = writtenOut(before.links);

    const { id, findingsHit, correction } = await correct(links);
    expect(correction?.cities).toBe(0);
    const inPeriod = await findings(`period=${DEMO_LAST_PERIOD}`);
    // Hits only of the rules about no city, and the findings whose evidence moved: no city was evaluated.
    expect(correction!.moved).toBe(
      citing(
        inPeriod.filter((f) => f.city !== null),
        id,
      ).length,
    );
    expect(findingsHit).toBe(inPeriod.filter((f) => f.city === null).length + correction!.moved);
    const after = await findings('rule=CONS-001&status=open');
    expect(citing(after, before.id)).toEqual([]);
    expect(
      citing(after, id)
        .map((f) => f.id)
        .sort(),
    ).toEqual(cited.map((f) => f.id).sort());
    // The replaced version's rows stay on each finding, marked superseded.
    expect(
      keepingSuperseded(after, before.id)
        .map((f) => f.id)
        .sort(),
    ).toEqual(cited.map((f) => f.id).sort());
    // In Guangzhou the evidence names the new version's Guangzhou row of the link the old row declared for every city.
    const guangzhou = after.find((f) => f.city === '440100' && cited.some((c) => c.id === f.id))!;
    const wasRow = cited.find((f) => f.id === guangzhou.id)!.evidence.find((e) => e.reportId === before.id)!.row!;
    const nowRow = guangzhou.evidence.find((e) => e.reportId === id)!;
    const { scanner, issuer, mode, channel } = before.links[wasRow];
    expect(links[nowRow.row!]).toMatchObject({ scanner, issuer, mode, channel, city: '440100' });
    expect(nowRow).toMatchObject({ version: before.version + 1, institution: 'alipay', period: DEMO_LAST_PERIOD });
    const note = (await detail(analyst, guangzhou.id)).history.at(-1)!.note!;
    expect(note.startsWith('evidence updated: ')).toBe(true);
    expect(note).toContain(`report ${id} v${before.version + 1} (alipay ${DEMO_LAST_PERIOD}) row ${nowRow.row}`);
    expect(await computedCoverageByCity()).toEqual(await coverageByCity());
    await expectFullRunChangesNothing();
  });

  it('evaluates only the city whose links changed, where its findings follow the new links', async () => {
    const before = await alipayReport();
    const inGuangzhou = (fs: FindingSummary[]) => fs.filter((f) => f.city === '440100');
    const openBefore = inGuangzhou(await findings('city=440100&status=open'));
    const coverageBefore = await coverageByCity();
    // Alipay now declares every link in Guangzhou suspended.
    const links = before.links.map((l) => (l.city === '440100' ? { ...strip(l), status: 'suspended' as const } : strip(l)));

    const { id, correction } = await correct(links);
    expect(correction?.cities).toBe(1);
    const openAfter = inGuangzhou(await findings('city=440100&status=open'));
    expect(openAfter.map((f) => f.fingerprint)).not.toEqual(openBefore.map((f) => f.fingerprint));
    // Elsewhere the findings stand, their evidence moved.
    expect(citing(await findings('rule=CONS-001&city=110000'), id)).toHaveLength(1);
    // Guangzhou's stored coverage follows; every other city's stays as stored.
    const stored = await coverageByCity();
    expect(stored).not.toEqual(coverageBefore);
    expect(await computedCoverageByCity()).toEqual(stored);
    await expectFullRunChangesNothing();
  });

  it('evaluates the city where it claims a link its scanner’s report leaves out, which makes a dispute and nothing against the scanner', async () => {
    const before = await alipayReport();
    const shenzhen = (fs: FindingSummary[]) =>
      fs.filter((f) => f.city === '440300' && f.subjects.includes('tenpay') && f.subjects.includes('alipay'));
    const openBefore = shenzhen(await findings('city=440300&status=open'));
    // WeChat Pay reported the month without scanning Alipay's codes; Alipay declares that it does, in Shenzhen.
    const claimed: Link = {
      scanner: 'tenpay',
      issuer: 'alipay',
      mode: 'mpm',
      channel: 'offline',
      city: '440300',
      status: 'live',
      since: '2021-12-01',
    };
    const { correction } = await correct([...before.links.map(strip), claimed]);
    expect(correction?.cities).toBe(1);
    const opened = shenzhen(await findings('city=440300&status=open')).filter((f) => !openBefore.some((o) => o.id === f.id));
    expect(opened.map((f) => f.fingerprint)).toEqual(['CONS-001|tenpay|alipay|440300|mpm|offline']);
    await expectFullRunChangesNothing();
    // And back: the claim withdrawn, the dispute resolves and nothing else moves.
    await correct(before.links.map(strip));
    expect(shenzhen(await findings('city=440300&status=open')).map((f) => f.id)).toEqual(openBefore.map((f) => f.id));
    await expectFullRunChangesNothing();
  });

  it('evaluates again the city of a dismissed finding it cites, whose evidence is appended to rather than replaced', async () => {
    const before = await alipayReport();
    const [shanghai] = citing(await findings('rule=CONS-001&city=310000&status=open'), before.id);
    await setStatus(analyst, shanghai.id, 'acknowledged');
    await setStatus(analyst, shanghai.id, 'dismissed', 'Both parties confirmed the link by letter.');

    const { id, correction } = await correct(before.links.map(strip));
    expect(correction?.cities).toBe(1);
    const dismissed = await detail(analyst, shanghai.id);
    expect(dismissed.status).toBe('dismissed');
    expect(dismissed.evidence.map((e) => e.reportId)).toEqual([...shanghai.evidence.map((e) => e.reportId), id]);
    expect(dismissed.history.at(-1)!.note).toMatch(/^new evidence while dismissed: report /);
    await expectFullRunChangesNothing();
  });

  it('corrects an earlier month (its run reaching the institution’s next report) as evaluating every city would, a changed since included', async () => {
    const june = await alipayReport('2021-06');
    const coverageBefore = await coverageByCity();
    expect((await correct(writtenOut(june.links), '2021-06')).correction?.cities).toBe(0);
    await expectFullRunChangesNothing();
    // The same links, but those in Guangzhou live since a day later.
    const links = writtenOut(june.links).map((l) =>
      l.city === '440100'
        ? { ...l, since: l.since.replace(/-(\d\d)$/, (_, d: string) => `-${String(Math.min(28, Number(d) + 1)).padStart(2, '0')}`) }
        : l,
    );
    expect((await correct(links, '2021-06')).correction?.cities).toBe(1);
    expect(await coverageByCity()).toEqual(coverageBefore);
    expect(await computedCoverageByCity()).toEqual(coverageBefore);
    await expectFullRunChangesNothing();
  });

  it('evaluates every city while the rules have not seen another report (as after a crash)', async () => {
    const before = await alipayReport();
    // As after a crash between storing a report and the rules run after it.
    await app.ctx.db
      .updateTable('reports')
      .set({ rules_applied: 0 })
      .where('institution', '=', 'tenpay')
      .where('period', '=', DEMO_LAST_PERIOD)
      .execute();
    expect((await correct(before.links.map(strip))).correction).toBeNull();
    await expectFullRunChangesNothing();
  });

  it('evaluates every city when coverage is not stored for every city of the month (as for a city added to the registry)', async () => {
    const before = await alipayReport();
    await app.ctx.db.deleteFrom('coverage_cells').where('period', '=', DEMO_LAST_PERIOD).where('city', '=', '110000').execute();
    expect((await correct(before.links.map(strip))).correction).toBeNull();
    expect(await computedCoverageByCity()).toEqual(await coverageByCity());
    await expectFullRunChangesNothing();
  });

  it('evaluates every city after an institution changed, until a run of every period has followed', async () => {
    const before = await alipayReport();
    const db = app.ctx.db;
    // The run after the change fails at its first read of the rules' settings, as if the process had died there.
    let failed = false;
    const failing: KyselyPlugin = {
      transformQuery({ node }) {
        if (!failed && node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"rule_settings"')) {
          failed = true;
          throw new Error('the run after the change fails');
        }
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    app.ctx.db = db.withPlugin(failing);
    try {
      const res = await (await app.as('admin')).patch('/api/v1/institutions/cmb', { group: 'cmb-holding' });
      expect(res.status, res.text).toBe(500);
    } finally {
      app.ctx.db = db;
    }
    expect(failed).toBe(true);
    expect((await correct(before.links.map(strip))).correction).toBeNull();
    await runRules(app.ctx);
    expect((await correct(before.links.map(strip))).correction).not.toBeNull();
    await expectFullRunChangesNothing();
  });
});

describe('the cities a correction changes', () => {
  const link = (city: string, scanner: string, status: StoredLink['status'] = 'live', row = 0) => ({
    row,
    scanner,
    issuer: 'unionpay',
    city,
    status,
    since: '2021-01-01',
  });
  const scoped = (...links: ReturnType<typeof link>[]) => new Map([['mpm|offline', links]]);
  const CITIES = ['110000', '310000', '440100'];

  it('are none when the rows for every city are written out city by city, or come in another order', () => {
    const everyCity = scoped(link('*', 'alipay'), link('*', 'tenpay', 'pilot', 1));
    const writtenOut = scoped(...CITIES.flatMap((c, i) => [link(c, 'tenpay', 'pilot', 2 * i), link(c, 'alipay', 'live', 2 * i + 1)]));
    expect(changedCities(everyCity, writtenOut, CITIES)).toEqual(new Set());
    expect(changedCities(writtenOut, everyCity, CITIES)).toEqual(new Set());
  });

  it('are those where a pair’s own row or, without one, its row for every city declares something else', () => {
    const before = scoped(link('*', 'alipay'), link('310000', 'alipay', 'suspended', 1));
    // Suspended everywhere now: Shanghai's own row already said so.
    expect(changedCities(before, scoped(link('*', 'alipay', 'suspended')), CITIES)).toEqual(new Set(['110000', '440100']));
    expect(changedCities(before, scoped(link('*', 'alipay')), CITIES)).toEqual(new Set(['310000']));
    expect(
      changedCities(before, scoped(link('*', 'alipay'), link('310000', 'alipay', 'suspended'), link('440100', 'tenpay')), CITIES),
    ).toEqual(new Set(['440100']));
  });

  it('count a changed since as a change', () => {
    const before = scoped(link('*', 'alipay'));
    expect(changedCities(before, scoped({ ...link('*', 'alipay'), since: '2021-01-02' }), CITIES)).toEqual(new Set(CITIES));
    expect(changedCities(before, scoped(link('*', 'alipay'), { ...link('310000', 'alipay'), since: '2021-01-02' }), CITIES)).toEqual(
      new Set(['310000']),
    );
  });

  it('leave out cities not in the registry, and count every mode and channel', () => {
    const before = new Map([['cpm|online', [link('999999', 'alipay')]]]);
    expect(changedCities(before, new Map(), CITIES)).toEqual(new Set());
    expect(changedCities(new Map([['cpm|online', [link('110000', 'alipay')]]]), new Map(), CITIES)).toEqual(new Set(['110000']));
  });
});
