// Where exported findings files are kept: one file per distinct SHA-256, named by it, in a folder
// beside the database (EXPORT_DIR). Files rather than BLOBs: an export of 100,000 findings runs to
// tens of MB, which a BLOB would have to hold in memory whole (better-sqlite3 binds buffers) and
// which would swell the database, its backups and its checkpoints; a file is written and served as
// a stream. Content-addressed, the same bytes exported twice are kept once. A folder holds one
// database's exports: pruning removes the files that database has no record of.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';

const SHA256_NAME = /^[0-9a-f]{64}$/;
const PARTIAL_PREFIX = '.partial-';

export class ExportStore {
  private constructor(
    /** The folder holding the kept files. */
    readonly dir: string,
    /** Made for an in-memory database (tests, tools): removed with it. */
    private readonly temporary: boolean,
  ) {}

  /**
   * EXPORT_DIR, else `<DB_PATH>-exports/`; a temporary folder for an in-memory database. The
   * folder is made at the first export, so that tools which never export leave none behind.
   */
  static open(config: Pick<Config, 'DB_PATH' | 'EXPORT_DIR'>): ExportStore {
    if (config.EXPORT_DIR) return new ExportStore(config.EXPORT_DIR, false);
    if (config.DB_PATH === ':memory:') return new ExportStore(path.join(os.tmpdir(), `interop-exports-${randomUUID()}`), true);
    // Named after the database, so that two databases in one folder never prune each other's files.
    return new ExportStore(`${config.DB_PATH}-exports`, false);
  }

  /** A file to write an export into before its hash is known: in the store's folder, so that keeping it is a rename. */
  partialFile(extension: string): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return path.join(this.dir, `${PARTIAL_PREFIX}${randomUUID()}.${extension}`);
  }

  /** The kept file of these bytes (whether or not it exists). */
  fileOf(sha256: string): string {
    if (!SHA256_NAME.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.dir, sha256);
  }

  /** Keeps a written file under its hash; when those bytes are kept already, the new copy goes. */
  async keep(partial: string, sha256: string): Promise<string> {
    const kept = this.fileOf(sha256);
    if (fs.existsSync(kept)) {
      await fs.promises.rm(partial, { force: true });
    } else {
      await fs.promises.rename(partial, kept);
      // Read-only: nothing in the server writes a kept file again.
      await fs.promises.chmod(kept, 0o444);
    }
    return kept;
  }

  /** The hashes of the files kept, and the partial files older than `before` (left by a crash). */
  async contents(before: Date): Promise<{ hashes: string[]; strayPartials: string[] }> {
    const names = await fs.promises.readdir(this.dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
    const strayPartials: string[] = [];
    for (const name of names.filter((n) => n.startsWith(PARTIAL_PREFIX))) {
      const stat = await fs.promises.stat(path.join(this.dir, name)).catch(() => undefined);
      if (stat && stat.mtime < before) strayPartials.push(path.join(this.dir, name));
    }
    return { hashes: names.filter((n) => SHA256_NAME.test(n)), strayPartials };
  }

  /** When a kept file was written, or undefined when it is not kept. */
  async keptSince(sha256: string): Promise<Date | undefined> {
    const stat = await fs.promises.stat(this.fileOf(sha256)).catch(() => undefined);
    return stat?.mtime;
  }

  async remove(file: string): Promise<void> {
    await fs.promises.rm(file, { force: true });
  }

  /** Removes a temporary store with its files; a configured one stays. */
  dispose(): void {
    if (this.temporary) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
