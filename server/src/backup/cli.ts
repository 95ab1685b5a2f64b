// npm run backup -- <file>   an online, checked copy of DB_PATH while the server runs
// npm run restore -- <file>  the way back: stop the server first; the current database is kept aside
import { loadConfig } from '../config.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const [command, file] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !file) {
  console.error('usage: npm run backup -- <file>   |   npm run restore -- <file>');
  process.exit(2);
}
const { DB_PATH } = loadConfig();
try {
  if (command === 'backup') {
    const c = await backupDatabase(DB_PATH, file);
    console.log(
      `Backed up ${DB_PATH} to ${c.file}: ${c.bytes} bytes, ${c.reports} report versions, integrity ok, audit chain of ${c.auditEntries} entries verified (head ${c.auditHead}).`,
    );
  } else {
    const c = await restoreDatabase(file, DB_PATH);
    console.log(
      `Restored ${c.file} into ${DB_PATH}: ${c.reports} report versions, audit chain of ${c.auditEntries} entries verified (head ${c.auditHead}).`,
    );
    if (c.previous) console.log(`The database it replaced is kept as ${c.previous}.`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
