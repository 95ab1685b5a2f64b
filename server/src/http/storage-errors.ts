// SQLite's storage failures (disk full, database read-only, I/O errors, a lock held too long) are
// conditions of the machine, not bugs: they answer 503 with a stable code and Retry-After, and the
// write they interrupted was rolled back whole (every write runs in one transaction).
import type { ProblemBody } from './problem-details.js';

interface StorageProblem {
  problem: Omit<ProblemBody, 'type' | 'requestId'>;
  retryAfterSeconds: number;
}

const UNSTORED = 'Nothing was changed; try again later.';

export function storageProblem(err: unknown): StorageProblem | undefined {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (!code.startsWith('SQLITE_')) return undefined;
  const unavailable = (apiCode: string, why: string, retryAfterSeconds: number): StorageProblem => ({
    problem: { status: 503, code: apiCode, title: 'Storage unavailable', detail: `${why} ${UNSTORED}` },
    retryAfterSeconds,
  });
  if (code === 'SQLITE_FULL') return unavailable('STORAGE_FULL', 'The database has no room left to write (disk full).', 300);
  if (code.startsWith('SQLITE_READONLY')) return unavailable('STORAGE_READ_ONLY', 'The database is read-only at the moment.', 300);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return unavailable('STORAGE_BUSY', 'The database is busy with another write.', 1);
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return unavailable('STORAGE_UNAVAILABLE', 'The database cannot be read or written (I/O error).', 60);
  return undefined;
}
