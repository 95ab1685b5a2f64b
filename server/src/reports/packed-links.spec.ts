import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { up as addPackedLinks } from '../db/migrations/009-report-packed-links.js';
import { listCities } from '../reference/repository.js';
import { CHANNELS, MODES, type PeriodState } from '../state/period-state.js';
import { StateLoader } from '../state/state-loader.js';
import { aLink, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { linkRows, unpackLinks, type ReportLinkRow } from './packed-links.js';

// A report's links are stored twice, as rows and packed; the rules read them packed. The two must
// never disagree, and a report stored without them must still be read whole.
let dir: string;
let app: TestApp;
// Loaders read through a connection of their own: the server's keeps the reports it was sent (read-reports.ts).
let other: OpenDatabase;

const links = [
  aLink({ city: '440100' }),
  aLink({ city: '*', issuer: 'tenpay', mode: 'cpm' }),
  aLink({ city: '110000', issuer: 'tenpay', status: 'pilot' }),
  aLink({ city: '*', issuer: 'icbc' }),
  aLink({ city: '110000', issuer: 'cmb', channel: 'online', status: 'suspended', since: '2021-03-01' }),
];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-packed-links-'));
  app = await startTestApp({ dbPath: path.join(dir, 'live.db'), now: new Date('2021-07-20T00:00:00Z') });
  other = openDatabase(path.join(dir, 'live.db'));
  const admin = await app.as('admin');
  await submitted(admin, aReport({ links }));
  await submitted(admin, aReport({ institution: 'tenpay', links: [aLink({ scanner: 'tenpay', issuer: 'alipay', city: '*' })] }));
  await submitted(admin, aReport({ institution: 'unionpay', links: [] }));
});
afterAll(async () => {
  await other.close();
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function packed(): Promise<Map<string, ReportLinkRow[]>> {
  const rows = await app.ctx.db
    .selectFrom('report_packed_links as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .select(['r.institution', 'p.links'])
    .execute();
  return new Map(rows.map((r) => [r.institution, linkRows(unpackLinks(r.links))]));
}

/** Every group of every mode and channel: its cities and links. */
function contents(state: PeriodState) {
  return MODES.flatMap((mode) => CHANNELS.map((channel) => state.groups(mode, channel).map((g) => ({ cities: g.cities, links: g.links }))));
}

describe('packed links', () => {
  it('hold every row of a stored report, in city order; a report without links holds none', async () => {
    const stored = await packed();
    const alipay = stored.get('alipay')!;
    // In the order of the rows' index: city, mode, channel, then row.
    const key = ([row, , , mode, channel, city]: ReportLinkRow) => `${city}|${mode}|${channel}|${String(row).padStart(3, '0')}`;
    const expected = links.map((l, row): ReportLinkRow => [row, l.scanner, l.issuer, l.mode, l.channel, l.city, l.status, l.since]);
    expect(alipay).toEqual(expected.sort((a, b) => (key(a) < key(b) ? -1 : 1)));
    expect(stored.get('tenpay')).toHaveLength(1);
    expect(stored.get('unionpay')).toEqual([]);
  });

  it('give a loader the state the rows give when a report was stored without them', async () => {
    const cities = (await listCities(app.ctx.db)).map((c) => c.code);
    const fromPacked = contents(await new StateLoader(other.db, cities).stateAt('2021-06'));
    expect(fromPacked.flat().some((g) => g.links.length > 0)).toBe(true);
    await app.ctx.db.deleteFrom('report_packed_links').execute();
    try {
      expect(contents(await new StateLoader(other.db, cities).stateAt('2021-06'))).toEqual(fromPacked);
    } finally {
      // The migration packs the links of the reports stored before it.
      await sql`drop table report_packed_links`.execute(app.ctx.db);
      await addPackedLinks(app.ctx.db as unknown as Kysely<unknown>);
    }
    const again = await packed();
    expect(again.get('alipay')).toHaveLength(links.length);
    expect(again.get('unionpay')).toEqual([]);
    expect(contents(await new StateLoader(other.db, cities).stateAt('2021-06'))).toEqual(fromPacked);
  });
});
