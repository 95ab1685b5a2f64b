// The real server process (main.ts) on SIGTERM and SIGINT: it stops accepting, lets what is in
// flight finish, exits 0 within SHUTDOWN_GRACE_MS and leaves a whole database; past the grace
// period it names what was pending and exits 1; a second signal ends it at once; and nothing it
// writes to its own output can keep it alive.
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './test/api-client.js';
import { expectConsistent } from './test/consistency.js';
import { aLink, aReport } from './test/report-factory.js';
import { prepareDatabase, type ServerProcess, type ServerProcessOptions, startServerProcess } from './test/server-process.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The exit code, or 'still running' when the process has not exited within `ms`. */
async function exitWithin(server: ServerProcess, ms: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), ms)));
  const result = await Promise.race([server.exited, late]);
  clearTimeout(timer);
  return result;
}

/** A request whose body goes out in part and then stops: the server holds it in flight. */
function halfSentReport(server: ServerProcess, key: string): http.ClientRequest {
  const body = Buffer.from(JSON.stringify(aReport({ period: '2021-06', links: [aLink()] })));
  const req = http.request(`${server.baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': body.length },
  });
  req.on('error', () => undefined);
  req.write(body.subarray(0, body.length >> 1));
  return req;
}

/** No WAL left to replay, and the crash suite's invariants. */
async function expectClosedCleanly(dbPath: string): Promise<{ reports: number; findings: number }> {
  expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0).toBe(0);
  return expectConsistent(dbPath);
}

describe('shutdown on a signal', () => {
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(
    env: Record<string, string> = {},
    options: Omit<ServerProcessOptions, 'env'> = {},
  ): Promise<{ server: ServerProcess; dbPath: string }> {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-shutdown-'));
    const dbPath = path.join(dir, 'interop.db');
    if (env.SEED !== 'demo') await prepareDatabase(dbPath);
    const server = await startServerProcess(dbPath, env, options);
    child = server.child;
    return { server, dbPath };
  }

  async function apiKeyOf(server: ServerProcess, institution: string): Promise<string> {
    const client = new ApiClient(server.baseUrl);
    await client.logIn(institution, 'demo');
    return (await client.post<{ key: string }>(`/api/v1/institutions/${institution}/api-keys`, { name: 'shutdown test' })).body.key;
  }

  it('when idle, exits 0 on SIGTERM and on SIGINT, well within the grace period', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { server, dbPath } = await start();
      server.child.kill(signal);
      expect(await exitWithin(server, 5_000)).toBe(0);
      await expectClosedCleanly(dbPath);
      fs.rmSync(dir!, { recursive: true, force: true });
    }
  }, 60_000);

  it('finishes a submission in flight, refuses new connections, exits 0 and leaves the database whole', async () => {
    const { server, dbPath } = await start();
    const key = await apiKeyOf(server, 'alipay');
    const body = Buffer.from(JSON.stringify(aReport({ period: '2021-06', links: [aLink(), aLink({ city: '310000' })] })));
    // The first half of the body goes out, then SIGTERM, then the rest: the request is surely in flight.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        `${server.baseUrl}/api/v1/reports`,
        { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, body.length >> 1));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(body.length >> 1)), 300);
      }, 200);
    });

    const { status, text } = await answer;
    expect(status, text).toBe(201);
    await expect(fetch(`${server.baseUrl}/api/v1/health`)).rejects.toThrow();
    expect(await exitWithin(server, 10_000)).toBe(0);
    expect((await expectClosedCleanly(dbPath)).reports).toBe(1);
  }, 60_000);

  it('during the rules run of a large report, lets the run finish: the report is stored and accounted for by the rules', async () => {
    const { server, dbPath } = await start();
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    const cities = (raw.prepare('select code from cities order by code').pluck().all() as string[]).slice(0, 200);
    const issuers = raw.prepare("select id from institutions where id <> 'alipay' order by id limit 20").pluck().all() as string[];
    raw.close();
    const links = cities.flatMap((city) =>
      issuers.map((issuer) => ({ scanner: 'alipay', issuer, mode: 'mpm', channel: 'offline', city, status: 'live', since: '2021-01-01' })),
    );
    const alipay = new ApiClient(server.baseUrl);
    await alipay.logIn('alipay', 'demo');
    const answer = alipay.post('/api/v1/reports', aReport({ period: '2021-06', links }));
    await wait(700);
    server.child.kill('SIGTERM');
    expect((await answer).status).toBe(201);
    expect(await exitWithin(server, 10_000)).toBe(0);
    expect((await expectClosedCleanly(dbPath)).reports).toBe(1);
    const check = new BetterSqlite3(dbPath, { readonly: true });
    expect(check.prepare('select count(*) from reports where rules_applied = 0').pluck().get()).toBe(0);
    check.close();
  }, 60_000);

  it('during an export, sends the whole file, the one its hash names, before exiting 0', async () => {
    const { server, dbPath } = await start({ SEED: 'demo' });
    const auditor = new ApiClient(server.baseUrl);
    await auditor.logIn('auditor', 'demo');
    const cookie = (await auditor.logIn('auditor', 'demo')).headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const file = await new Promise<{ status: number; sha256: string; bytes: Buffer }>((resolve, reject) => {
      http
        .get(`${server.baseUrl}/api/v1/exports/findings?format=pdf`, { headers: { cookie } }, (res) => {
          const chunks: Buffer[] = [];
          res.pause();
          server.child.kill('SIGTERM');
          // The signal arrives once the answer has begun, and the reader holds back for a while.
          setTimeout(() => {
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, sha256: String(res.headers['x-content-sha256']), bytes: Buffer.concat(chunks) }),
            );
            res.resume();
          }, 500);
        })
        .on('error', reject);
    });
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(file.sha256);
    expect(await exitWithin(server, 10_000)).toBe(0);
    await expectClosedCleanly(dbPath);
  }, 120_000);

  it('with a keep-alive connection kept busy, closes it and exits 0', async () => {
    const { server, dbPath } = await start({ SHUTDOWN_GRACE_MS: '5000' });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<string | undefined>((resolve, reject) => {
        http
          .get(`${server.baseUrl}/api/v1/health`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.headers.connection));
          })
          .on('error', reject);
      });
    await get();
    // Requests one after another on the same connection, until the server closes it.
    const hammering = (async () => {
      for (let i = 0; i < 100_000; i++) {
        try {
          await get();
        } catch {
          return 'closed by the server';
        }
      }
      return 'never closed';
    })();
    await wait(200);
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 8_000)).toBe(0);
    expect(await hammering).toBe('closed by the server');
    agent.destroy();
    await expectClosedCleanly(dbPath);
  }, 60_000);

  it('when the parent has stopped reading its output, exits 0 all the same', async () => {
    const { server, dbPath } = await start({ LOG_LEVEL: 'info' }, { stdout: 'unread' });
    // Each request logs a line: a few hundred kilobytes fill the pipe nobody reads.
    const longPath = `/api/v1/no-such-route-${'x'.repeat(300)}`;
    for (let i = 0; i < 1_500; i++) await (await fetch(`${server.baseUrl}${longPath}`)).text();
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 12_000)).toBe(0);
    await expectClosedCleanly(dbPath);
  }, 90_000);

  it('when the parent has closed its end of the output, exits 0 all the same', async () => {
    const { server, dbPath } = await start({ LOG_LEVEL: 'info' }, { stdout: 'closed' });
    for (let i = 0; i < 50; i++) await (await fetch(`${server.baseUrl}/api/v1/no-such-route`)).text();
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 12_000)).toBe(0);
    await expectClosedCleanly(dbPath);
  }, 60_000);

  it('past the grace period, logs the request still pending and exits 1, storing nothing of it', async () => {
    const { server, dbPath } = await start({ SHUTDOWN_GRACE_MS: '1000' });
    const req = halfSentReport(server, await apiKeyOf(server, 'alipay'));
    await wait(200);
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 6_000)).toBe(1);
    req.destroy();
    const gaveUp = server
      .output()
      .split('\n')
      .find((line) => line.includes('grace period over'));
    expect(gaveUp && JSON.parse(gaveUp)).toMatchObject({ level: 50, pending: ['POST /api/v1/reports'] });
    expect((await expectConsistent(dbPath)).reports).toBe(0);
  }, 60_000);

  it('on a second signal, exits at once, without waiting for the grace period', async () => {
    const { server, dbPath } = await start({ SHUTDOWN_GRACE_MS: '60000' });
    const req = halfSentReport(server, await apiKeyOf(server, 'alipay'));
    await wait(200);
    server.child.kill('SIGTERM');
    await wait(300);
    expect(await exitWithin(server, 0)).toBe('still running');
    server.child.kill('SIGTERM');
    expect(await exitWithin(server, 3_000)).toBe(143);
    req.destroy();
    expect((await expectConsistent(dbPath)).reports).toBe(0);
  }, 60_000);
});
