// Item 6: the generated database's size on disk per million declared links (report_links rows).
import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

export function measureDbSize(sqlite: BetterSqlite3.Database, file: string) {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = ['', '-wal'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
  const links = (sqlite.prepare('select count(*) as n from report_links').get() as { n: number }).n;
  return {
    'db.megabytes': Math.round(bytes / 1e5) / 10,
    'db.links': links,
    'db.bytesPerMillionLinks': links > 0 ? Math.round((bytes / links) * 1e6) : 0,
  };
}
