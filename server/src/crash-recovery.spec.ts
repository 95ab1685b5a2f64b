// SIGKILL at arbitrary moments — in the middle of large submissions and of a full rules run — and a
// restart: the database must be whole (integrity_check), no report half stored, no finding pointing
// at a missing report, every stored report audited, the audit chain unbroken, and the rules caught up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './test/api-client.js';
import { expectConsistent } from './test/consistency.js';
import { aReport, submitted } from './test/report-factory.js';
import { prepareDatabase, type ServerProcess, spawnTs, startServerProcess } from './test/server-process.js';

/** The first column of a query's rows, read straight from the file. */
function column(dbPath: string, sql: string): string[] {
  const raw = new BetterSqlite3(dbPath, { readonly: true });
  const values = raw
    .prepare(sql)
    .raw()
    .all()
    .map((row) => String((row as unknown[])[0]));
  raw.close();
  return values;
}
const citiesIn = (dbPath: string) => column(dbPath, 'select code from cities order by code');

/** A large report: Alipay scanning every other institution's codes in every city (about 20,000 links). */
function largeReport(period: string, cities: string[], issuers: string[]) {
  const links = cities.flatMap((city) =>
    issuers.map((issuer) => ({ scanner: 'alipay', issuer, mode: 'mpm', channel: 'offline', city, status: 'live', since: '2021-01-01' })),
  );
  return aReport({ period, links });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGKILL and restart', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  afterEach(() => {
    server?.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('in the middle of large submissions: nothing half stored, and the restarted server catches the rules up', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-crash-'));
    const dbPath = path.join(dir, 'interop.db');
    await prepareDatabase(dbPath);
    const cities = citiesIn(dbPath);
    const issuers = column(dbPath, "select id from institutions where id <> 'alipay' order by id limit 20");

    // Kills at different moments: while the body arrives, while it is validated or stored, while the rules run.
    for (const [round, delay] of [150, 600, 1500].entries()) {
      server = await startServerProcess(dbPath);
      const alipay = new ApiClient(server.baseUrl);
      await alipay.logIn('alipay', 'demo');
      const inFlight = alipay.post('/api/v1/reports', largeReport(`2021-0${round + 1}`, cities, issuers)).catch(() => 'killed');
      await wait(delay);
      server.child.kill('SIGKILL');
      await server.exited;
      await inFlight;
      await expectConsistent(dbPath);
    }

    // A restart runs the rules for whatever report they had not seen, then takes reports as before.
    server = await startServerProcess(dbPath);
    const alipay = new ApiClient(server.baseUrl);
    await alipay.logIn('alipay', 'demo');
    await submitted(alipay, aReport({ period: '2021-06' }));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const after = await expectConsistent(dbPath);
    expect(after.reports).toBeGreaterThanOrEqual(1);
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    expect(raw.prepare('select count(*) as n from reports where rules_applied = 0').get()).toEqual({ n: 0 });
    raw.close();
  }, 180_000);

  it('in the middle of a full rules run: the findings are whole, and a complete run then gives what an uninterrupted one gives', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-crash-'));
    const dbPath = path.join(dir, 'interop.db');
    await prepareDatabase(dbPath);
    const cities = citiesIn(dbPath).slice(0, 60);
    server = await startServerProcess(dbPath);
    for (const institution of ['alipay', 'tenpay', 'unionpay']) {
      const client = new ApiClient(server.baseUrl);
      await client.logIn(institution, 'demo');
      for (const period of ['2021-01', '2021-02', '2021-03']) {
        const links = cities.flatMap((city, i) =>
          i % 3 === 0
            ? []
            : [
                {
                  scanner: institution,
                  issuer: institution === 'alipay' ? 'unionpay' : 'alipay',
                  mode: 'mpm',
                  channel: 'offline',
                  city,
                  status: 'live',
                  since: '2021-01-01',
                },
              ],
        );
        await submitted(client, aReport({ institution, period, links }));
      }
    }
    server.child.kill('SIGTERM');
    await server.exited;
    server = undefined;
    const untouched = path.join(dir, 'untouched.db');
    fs.copyFileSync(dbPath, untouched);

    const rules = (file: string) => spawnTs('server/src/rules/cli.ts', ['--all'], { DB_PATH: file });
    const crashed = rules(dbPath);
    const crashedExit = new Promise((r) => crashed.once('exit', r));
    await wait(400);
    crashed.kill('SIGKILL');
    await crashedExit;
    await expectConsistent(dbPath);

    const finish = (file: string) => new Promise<number | null>((resolve) => rules(file).once('exit', resolve));
    expect(await finish(dbPath)).toBe(0);
    expect(await finish(untouched)).toBe(0);
    const findings = (file: string) => {
      const raw = new BetterSqlite3(file, { readonly: true });
      const rows = raw
        .prepare('select fingerprint, status, first_period, last_period, periods, holds, evidence from findings order by fingerprint')
        .all();
      raw.close();
      return rows;
    };
    expect(findings(dbPath)).toEqual(findings(untouched));
    expect(findings(dbPath).length).toBeGreaterThan(0);
  }, 180_000);
});
