// Idempotency keys across a crash of the real server (SIGKILL): a retry with the same key gets the
// stored report's receipt when the report committed, and stores it once when it did not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../test/api-client.js';
import { aReport } from '../test/report-factory.js';
import { prepareDatabase, type ServerProcess, startServerProcess } from '../test/server-process.js';

const LEASE_SECONDS = 1;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads the database file until `sql` answers a row (the server writes it), then resolves. */
async function whenRowAppears(dbPath: string, sql: string, params: unknown[], timeoutMs = 60_000): Promise<void> {
  const raw = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const query = raw.prepare(sql);
    const until = Date.now() + timeoutMs;
    while (query.get(...params) === undefined) {
      if (Date.now() > until) throw new Error(`no row for ${sql} after ${timeoutMs} ms`);
      await wait(2);
    }
  } finally {
    raw.close();
  }
}

function countRows(dbPath: string, sql: string, params: unknown[]): number {
  const raw = new BetterSqlite3(dbPath, { readonly: true });
  const { n } = raw.prepare(sql).get(...params) as { n: number };
  raw.close();
  return n;
}

/** Alipay scanning 20 institutions' codes in every city: long enough to validate, store and evaluate that a kill lands inside. */
function largeReport(dbPath: string, period: string) {
  const raw = new BetterSqlite3(dbPath, { readonly: true });
  const cities = raw.prepare('select code from cities order by code').pluck().all() as string[];
  const issuers = raw.prepare("select id from institutions where id <> 'alipay' order by id limit 20").pluck().all() as string[];
  raw.close();
  const links = cities.flatMap((city) =>
    issuers.map((issuer) => ({ scanner: 'alipay', issuer, mode: 'mpm', channel: 'offline', city, status: 'live', since: '2021-01-01' })),
  );
  return aReport({ period, links });
}

const reportsOf = "select count(*) as n from reports where institution = 'alipay' and period = ?";

describe('an Idempotency-Key across a crash of the server', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function aDatabaseAndLargeReport(period: string) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-idempotency-'));
    const dbPath = path.join(dir, 'interop.db');
    await prepareDatabase(dbPath);
    return { dbPath, report: largeReport(dbPath, period) };
  }

  async function startedAs(dbPath: string, username: string): Promise<ApiClient> {
    server = await startServerProcess(dbPath, { IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS) });
    const client = new ApiClient(server.baseUrl);
    await client.logIn(username, 'demo');
    return client;
  }

  async function killServer(inFlight: Promise<unknown>): Promise<void> {
    server!.child.kill('SIGKILL');
    await server!.exited;
    await inFlight;
    server = undefined;
  }

  it('when the server dies after the report commits, a retry replays its receipt and stores no second version', async () => {
    const { dbPath, report } = await aDatabaseAndLargeReport('2021-03');

    let alipay = await startedAs(dbPath, 'alipay');
    const inFlight = alipay.post('/api/v1/reports', report, { 'idempotency-key': 'crash-after-commit' }).catch(() => 'killed');
    // The rules run after the commit, before the answer: the kill lands between the two.
    await whenRowAppears(dbPath, "select id from reports where institution = 'alipay' and period = ?", ['2021-03']);
    await killServer(inFlight);
    expect(countRows(dbPath, reportsOf, ['2021-03'])).toBe(1);
    const storedId = countRows(dbPath, "select id as n from reports where institution = 'alipay' and period = ?", ['2021-03']);

    alipay = await startedAs(dbPath, 'alipay');
    const retry = await alipay.post('/api/v1/reports', report, { 'idempotency-key': 'crash-after-commit' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ id: storedId, institution: 'alipay', period: '2021-03', version: 1 });
    expect((await alipay.get(`/api/v1/reports/${storedId}/receipt`)).body).toEqual(retry.body);
    expect(countRows(dbPath, reportsOf, ['2021-03'])).toBe(1);
  }, 120_000);

  it('when the server dies before the report commits, a retry after the key’s lease stores the report once', async () => {
    const { dbPath, report } = await aDatabaseAndLargeReport('2021-04');

    let alipay = await startedAs(dbPath, 'alipay');
    const inFlight = alipay.post('/api/v1/reports', report, { 'idempotency-key': 'crash-before-commit' }).catch(() => 'killed');
    await whenRowAppears(dbPath, "select key from idempotency_keys where key = 'crash-before-commit'", []);
    const leaseOver = Date.now() + LEASE_SECONDS * 1000 + 100;
    await killServer(inFlight);
    expect(countRows(dbPath, reportsOf, ['2021-04']), 'the kill landed before the commit').toBe(0);

    alipay = await startedAs(dbPath, 'alipay');
    await wait(Math.max(0, leaseOver - Date.now()));
    const retry = await alipay.post('/api/v1/reports', report, { 'idempotency-key': 'crash-before-commit' });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ institution: 'alipay', period: '2021-04', version: 1 });
    const again = await alipay.post('/api/v1/reports', report, { 'idempotency-key': 'crash-before-commit' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(retry.body);
    expect(countRows(dbPath, reportsOf, ['2021-04'])).toBe(1);
  }, 120_000);
});
