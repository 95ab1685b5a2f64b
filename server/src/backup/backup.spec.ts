import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { aLink, aReport, submitted } from '../test/report-factory.js';
import { backupDatabase, checkDatabase, restoreDatabase } from './backup.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

describe('backup and restore', () => {
  let dir: string;
  let live: string;
  let app: TestApp;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interop-backup-'));
    live = path.join(dir, 'interop.db');
    app = await startTestApp({ dbPath: live });
  });
  afterEach(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const reportCount = (file: string) => {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      return (db.prepare('select count(*) as n from reports').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('copies the database while the server takes reports, and the copy is whole: intact pages, a verified audit chain', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, aReport({ period: '2021-05' }));
    const copy = path.join(dir, 'copy.db');
    // A submission in flight while the backup runs lands either wholly in the copy or not at all.
    const [check] = await Promise.all([
      backupDatabase(live, copy),
      submitted(alipay, aReport({ period: '2021-06', links: [aLink(), aLink({ city: '310000' })] })),
    ]);
    expect(check.integrity).toBe(true);
    expect([1, 2]).toContain(check.reports);
    const linkRows = new BetterSqlite3(copy, { readonly: true });
    const orphans = linkRows
      .prepare('select count(*) as n from report_links l where not exists (select 1 from reports r where r.id = l.report_id)')
      .get() as { n: number };
    linkRows.close();
    expect(orphans.n).toBe(0);
    expect(check.auditEntries).toBeGreaterThan(0);
    expect(await checkDatabase(copy)).toEqual(check);
  });

  it('never overwrites an existing file', async () => {
    const copy = path.join(dir, 'copy.db');
    fs.writeFileSync(copy, 'something else');
    await expect(backupDatabase(live, copy)).rejects.toThrow(/exists already/);
    expect(fs.readFileSync(copy, 'utf8')).toBe('something else');
  });

  it('restores a backup in place of a later database, keeping the replaced one aside', async () => {
    const alipay = await app.as('alipay');
    await submitted(alipay, aReport({ period: '2021-05' }));
    const copy = path.join(dir, 'copy.db');
    const backedUp = await backupDatabase(live, copy);
    await submitted(alipay, aReport({ period: '2021-06' }));
    await app.close();

    const restored = await restoreDatabase(copy, live, new Date('2026-11-25T12:00:00Z'));
    expect(restored.reports).toBe(1);
    expect(restored.auditHead).toBe(backedUp.auditHead);
    expect(restored.previous).toBe(`${live}.before-restore-2026-11-25T12-00-00-000Z`);
    expect(reportCount(restored.previous!)).toBe(2);

    // The server starts on the restored file and answers from it.
    app = await startTestApp({ dbPath: live });
    const reports = await (await app.as('analyst')).get<{ total: number }>('/api/v1/reports');
    expect(reports.body.total).toBe(1);
  });

  it('refuses to restore a backup whose audit trail was tampered with, and leaves the database alone', async () => {
    await submitted(await app.as('alipay'), aReport());
    const copy = path.join(dir, 'copy.db');
    await backupDatabase(live, copy);
    const tamper = new BetterSqlite3(copy);
    tamper.exec('drop trigger audit_log_no_update');
    tamper.prepare("update audit_log set actor = 'someone-else' where seq = 1").run();
    tamper.close();

    await expect(restoreDatabase(copy, live)).rejects.toThrow(/audit chain .* broken at entry 1/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect(reportCount(live)).toBe(1);
  });

  it('runs as npm run backup against DB_PATH', async () => {
    const copy = path.join(dir, 'cli-copy.db');
    const { stdout } = await run('npx', ['tsx', 'server/src/backup/cli.ts', 'backup', copy], {
      cwd: root,
      env: { ...process.env, DB_PATH: live },
    });
    expect(stdout).toMatch(/^Backed up .* integrity ok, audit chain of \d+ entries verified/);
    expect((await checkDatabase(copy)).integrity).toBe(true);
  });
});
