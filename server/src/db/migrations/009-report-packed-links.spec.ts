import { createHash } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Link } from '../../contract/reports.js';
import { packReportLinks, packStoredLinks } from '../../reports/packed-links.js';
import { openDatabase, type OpenDatabase } from '../database.js';
import { MIGRATIONS } from '../migrate.js';

let database: OpenDatabase | undefined;
afterEach(() => database?.close());

const link = (
  scanner: string,
  issuer: string,
  city: string,
  mode: Link['mode'],
  channel: Link['channel'],
  status: Link['status'] = 'live',
  since = '2020-01-01',
): Link => ({ scanner, issuer, city, mode, channel, status, since });

/**
 * Reports as stored before the migration, each its links in row order: cities, modes and channels
 * out of the index's order, the all-city '*', strings repeated across fields, a report of no links,
 * and more reports than one batch of the migration.
 */
const REPORTS: Link[][] = [
  [
    link('icbc', 'alipay', '440100', 'mpm', 'online'),
    link('icbc', 'alipay', '110000', 'mpm', 'offline', 'pilot', '2021-03-15'),
    link('icbc', 'unionpay', '*', 'cpm', 'offline'),
    link('icbc', 'alipay', '110000', 'cpm', 'offline', 'suspended', '2019-12-31'),
    link('icbc', 'wechat', '440100', 'mpm', 'online', 'planned'),
    link('icbc', 'icbc', '110000', 'mpm', 'offline'),
  ],
  [],
  ...Array.from({ length: 203 }, (_, i) => [
    link('alipay', `issuer-${i % 7}`, String(110000 + (i % 5) * 100), i % 2 ? 'mpm' : 'cpm', i % 3 ? 'offline' : 'online'),
    link('alipay', 'icbc', '*', 'mpm', 'online', 'live', `2020-${String((i % 12) + 1).padStart(2, '0')}-01`),
  ]),
];

/** A database at migration 008 holding REPORTS, then migrated by 009; answers each report's packed links by id. */
async function migratedFixture(): Promise<Map<number, Buffer>> {
  database = openDatabase(':memory:');
  const db = database.db;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  expect((await migrator.migrateTo('008-coverage-figures-index')).error).toBeUndefined();
  for (const id of ['icbc', 'alipay'])
    await sql`insert into institutions (id, name, name_zh, kind, group_slug) values (${id}, ${id}, ${id}, 'bank', ${id})`.execute(db);
  for (const [i, links] of REPORTS.entries()) {
    const institution = i % 2 ? 'alipay' : 'icbc';
    const { id } = await sql<{
      id: number;
    }>`insert into reports (institution, period, version, received_at, sha256, links_count, agreements_count, warnings, submitted_by, latest)
      values (${institution}, '2021-02', ${i + 1}, 't', 'x', ${links.length}, 0, '[]', ${institution}, 0) returning id`
      .execute(db)
      .then((r) => r.rows[0]);
    for (const [row, l] of links.entries()) {
      await sql`insert into report_links (report_id, row_no, scanner, issuer, mode, channel, city, status, since) values (${id}, ${row}, ${l.scanner}, ${l.issuer}, ${l.mode}, ${l.channel}, ${l.city}, ${l.status}, ${l.since})`.execute(
        db,
      );
    }
  }
  expect((await migrator.migrateTo('009-report-packed-links')).error).toBeUndefined();
  const stored = await db.selectFrom('report_packed_links').select(['report_id', 'links']).orderBy('report_id').execute();
  return new Map(stored.map((r) => [r.report_id, Buffer.from(r.links)]));
}

describe('the packed links migration (009)', () => {
  it('packs every report stored before it into the bytes reports/packed-links.ts makes for the same links, read back or as submitted', async () => {
    // True when the packing was frozen into the migration; if packed-links.ts changes its packing
    // on purpose, this test goes and the next one keeps the migration's bytes.
    const stored = await migratedFixture();
    const ids = [...stored.keys()];
    expect(ids).toHaveLength(REPORTS.length);
    const readBack = await packStoredLinks(database!.db, ids);
    expect(readBack.map(([id, packed]) => [id, packed.toString('base64')])).toEqual(
      ids.map((id) => [id, stored.get(id)!.toString('base64')]),
    );
    expect(ids.map((_, i) => packReportLinks(REPORTS[i]).toString('base64'))).toEqual(ids.map((id) => stored.get(id)!.toString('base64')));
  });

  it('writes the bytes it wrote when it was frozen, whatever the feature code becomes', async () => {
    const stored = await migratedFixture();
    const digest = createHash('sha256');
    for (const packed of stored.values()) digest.update(packed);
    expect(digest.digest('hex')).toBe('c950cbfb4b1dbc77c33392a6276edeb94f9aa539ba7d13da6efb926331931de4');
  });
});
