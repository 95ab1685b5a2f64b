import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { listCities } from '../reference/repository.js';
import { aLink, anAgreement, aReport, submitted } from '../test/report-factory.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { ReadReports, readReportsOf, type ReadReport } from './read-reports.js';
import { StateLoader } from './state-loader.js';

const read = (rows: number): ReadReport => ({ links: new Map(), agreements: [], rows });
const keptIds = (reports: ReadReports, ids: number[]) => ids.filter((id) => reports.get(id) !== undefined);

describe('reports kept as read', () => {
  it('drops the least recently used reports once their rows pass the bound', () => {
    const reports = new ReadReports(100);
    reports.set(1, read(40));
    reports.set(2, read(40));
    reports.get(1);
    reports.set(3, read(40));
    expect(keptIds(reports, [1, 2, 3])).toEqual([1, 3]);
  });

  it('keeps the report just read even when it alone passes the bound', () => {
    const reports = new ReadReports(100);
    reports.set(1, read(10));
    reports.set(2, read(150));
    expect(keptIds(reports, [1, 2])).toEqual([2]);
  });

  it('counts a report read again once', () => {
    const reports = new ReadReports(100);
    reports.set(1, read(60));
    reports.set(1, read(60));
    reports.set(2, read(40));
    expect(keptIds(reports, [1, 2])).toEqual([1, 2]);
  });
});

describe('a report remembered as it is stored', () => {
  let dir: string;
  let app: TestApp;
  let other: OpenDatabase;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-read-reports-'));
    app = await startTestApp({ dbPath: path.join(dir, 'live.db'), now: new Date('2021-07-20T00:00:00Z') });
    other = openDatabase(path.join(dir, 'live.db'));
  });
  afterAll(async () => {
    await other.close();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is what a loader reads back from the database: links by scope in city then row order, agreements in row order', async () => {
    const admin = await app.as('admin');
    const links = [
      aLink({ city: '440100' }),
      aLink({ city: '*', issuer: 'tenpay', mode: 'cpm' }),
      aLink({ city: '110000', issuer: 'tenpay', status: 'pilot' }),
      aLink({ city: '*', issuer: 'icbc' }),
      aLink({ city: '110000', issuer: 'cmb', channel: 'online', status: 'suspended' }),
      aLink({ city: '310000' }),
    ];
    const agreements = [
      anAgreement(),
      anAgreement({
        ref: 'A-2',
        counterparty: 'tenpay',
        feeBps: null,
        text: 'Clause 4',
        expires: '2022-01-01',
        restrictions: ['steering'],
      }),
    ];
    const receipt = await submitted(admin, aReport({ links, agreements }));
    const remembered = readReportsOf(app.ctx.db).get(receipt.id);
    expect(remembered?.links.get('mpm|offline')?.map((l) => l.city)).toEqual(['*', '110000', '310000', '440100']);

    const cities = (await listCities(other.db)).map((c) => c.code);
    await new StateLoader(other.db, cities, { keepStatesFrom: '2021-06' }).stateAt('2021-06');
    const read = readReportsOf(other.db).get(receipt.id);
    expect(read).toBeDefined();
    expect(remembered).toEqual(read);
  });
});
