// SQLite's storage failures (disk full, database read-only, I/O errors, a lock held too long) are
// conditions of the machine, not bugs: they answer 503 with a stable code and Retry-After, and the
// write they interrupted was rolled back whole (every write runs in one transaction).
import type { Words } from '../text/words.js';
import type { WordedProblem } from './problem-details.js';

interface StorageProblem {
  problem: Omit<WordedProblem, 'requestId'>;
  retryAfterSeconds: number;
}

const UNSTORED: Words = { en: 'Nothing was changed; try again later.', zh: '未作任何更改；请稍后再试。' };

export function storageProblem(err: unknown): StorageProblem | undefined {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  if (!code.startsWith('SQLITE_')) return undefined;
  const unavailable = (apiCode: string, why: Words, retryAfterSeconds: number): StorageProblem => ({
    problem: {
      status: 503,
      code: apiCode,
      title: { en: 'Storage unavailable', zh: '存储不可用' },
      detail: { en: `${why.en} ${UNSTORED.en}`, zh: `${why.zh}${UNSTORED.zh}` },
    },
    retryAfterSeconds,
  });
  if (code === 'SQLITE_FULL')
    return unavailable(
      'STORAGE_FULL',
      { en: 'The database has no room left to write (disk full).', zh: '数据库已无空间可写（磁盘已满）。' },
      300,
    );
  if (code.startsWith('SQLITE_READONLY'))
    return unavailable('STORAGE_READ_ONLY', { en: 'The database is read-only at the moment.', zh: '数据库目前为只读。' }, 300);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return unavailable('STORAGE_BUSY', { en: 'The database is busy with another write.', zh: '数据库正忙于另一次写入。' }, 1);
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
    return unavailable(
      'STORAGE_UNAVAILABLE',
      { en: 'The database cannot be read or written (I/O error).', zh: '数据库无法读写（I/O 错误）。' },
      60,
    );
  return undefined;
}
