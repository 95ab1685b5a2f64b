// The real server process (main.ts) on SIGTERM: a request already being received is answered in
// full, new connections are refused, the process exits 0 and leaves a clean database behind.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from './audit/service.js';
import { openDatabase } from './db/database.js';
import { ApiClient } from './test/api-client.js';
import { aLink, aReport } from './test/report-factory.js';
import { prepareDatabase, startServerProcess } from './test/server-process.js';

describe('graceful shutdown on SIGTERM', () => {
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finishes a submission in flight, refuses new connections, exits 0 and leaves the database whole', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-shutdown-'));
    const dbPath = path.join(dir, 'interop.db');
    await prepareDatabase(dbPath);
    const server = await startServerProcess(dbPath);
    child = server.child;

    const alipay = new ApiClient(server.baseUrl);
    await alipay.logIn('alipay', 'demo');
    const key = (await alipay.post<{ key: string }>('/api/v1/institutions/alipay/api-keys', { name: 'shutdown test' })).body.key;

    const body = Buffer.from(JSON.stringify(aReport({ period: '2021-06', links: [aLink(), aLink({ city: '310000' })] })));
    // The first half of the body goes out, then SIGTERM, then the rest: the request is surely in flight.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${server.baseUrl}/api/v1/reports`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, body.length >> 1));
      setTimeout(() => {
        child!.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(body.length >> 1)), 300);
      }, 200);
    });

    const { status, text } = await answer;
    expect(status, text).toBe(201);
    await expect(fetch(`${server.baseUrl}/api/v1/health`)).rejects.toThrow();
    expect(await server.exited).toBe(0);

    // Closed cleanly: no WAL left to replay, pages intact, the report and its audit entry kept.
    expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0).toBe(0);
    const raw = new BetterSqlite3(dbPath, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((raw.prepare('select count(*) as n from reports').get() as { n: number }).n).toBe(1);
    raw.close();
    const database = openDatabase(dbPath);
    expect(await verifyAuditTrail(database.db)).toMatchObject({ ok: true });
    await database.close();
  }, 60_000);
});
