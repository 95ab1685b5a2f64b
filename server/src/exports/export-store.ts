// Where exported findings files are kept: one file per distinct SHA-256, named by it, in a folder of
// the database's own (EXPORT_DIR). Files rather than BLOBs: an export of 100,000 findings runs to
// tens of MB, which a BLOB would have to hold in memory whole (better-sqlite3 binds buffers) and
// which would swell the database, its backups and its checkpoints; a file is written and served as
// a stream. Content-addressed, the same bytes exported twice are kept once. A folder holds one
// database's exports: pruning removes the files that database has no record of.
//
// CSV and JSON are kept gzipped (level 1): such repetitive text shrinks many times over, for little
// CPU. XLSX and PDF are deflated inside already and are kept as they are,
// through a hard link to the file just sent, which costs no copy.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Config } from '../config.js';

const KEPT_NAME = /^([0-9a-f]{64})(\.gz)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
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

  /** A file to write an export into before its hash is known: in the store's folder, so that keeping it may be a link. */
  partialFile(extension: string): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return path.join(this.dir, `${PARTIAL_PREFIX}${randomUUID()}.${extension}`);
  }

  private pathOf(sha256: string, gzipped: boolean): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.dir, gzipped ? `${sha256}.gz` : sha256);
  }

  /** The kept file of these bytes and whether it is gzipped, or undefined. */
  private async find(sha256: string): Promise<{ file: string; gzipped: boolean; stat: fs.Stats } | undefined> {
    for (const gzipped of [false, true]) {
      const file = this.pathOf(sha256, gzipped);
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (stat) return { file, gzipped, stat };
    }
    return undefined;
  }

  /**
   * Keeps a copy of a written file under its hash (gzipped when `compress`); the written file
   * itself stays for its caller to send and delete. When those bytes are kept already, nothing is done.
   */
  async keep(written: string, sha256: string, compress: boolean): Promise<void> {
    if (await this.find(sha256)) return;
    const kept = this.pathOf(sha256, compress);
    if (compress) {
      const partial = path.join(this.dir, `${PARTIAL_PREFIX}${randomUUID()}.gz`);
      try {
        await pipeline(fs.createReadStream(written), createGzip({ level: 1 }), fs.createWriteStream(partial));
        await fs.promises.rename(partial, kept);
      } catch (err) {
        await fs.promises.rm(partial, { force: true });
        throw err;
      }
    } else {
      await fs.promises.link(written, kept).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') await fs.promises.copyFile(written, kept);
      });
    }
    // Read-only: nothing in the server writes a kept file again.
    await fs.promises.chmod(kept, 0o444);
  }

  /** The kept bytes as they were exported (unzipped), or undefined when they are not kept. */
  async read(sha256: string): Promise<(() => Readable) | undefined> {
    const found = await this.find(sha256);
    if (!found) return undefined;
    return () => {
      const raw = fs.createReadStream(found.file);
      return found.gzipped ? raw.pipe(createGunzip()) : raw;
    };
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
    const hashes = names.map((n) => KEPT_NAME.exec(n)?.[1]).filter((h): h is string => h !== undefined);
    return { hashes: [...new Set(hashes)], strayPartials };
  }

  /** When a kept file was written, or undefined when it is not kept. */
  async keptSince(sha256: string): Promise<Date | undefined> {
    return (await this.find(sha256))?.stat.mtime;
  }

  /** Removes the kept bytes of a hash. */
  async remove(sha256: string): Promise<void> {
    for (const gzipped of [false, true]) await fs.promises.rm(this.pathOf(sha256, gzipped), { force: true });
  }

  /** Removes a partial file left by a crash. */
  async removePartial(file: string): Promise<void> {
    if (path.dirname(file) === this.dir && path.basename(file).startsWith(PARTIAL_PREFIX)) await fs.promises.rm(file, { force: true });
  }

  /** Removes a temporary store with its files; a configured one stays. */
  dispose(): void {
    if (this.temporary) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
