// Writes a file while hashing it, so that a response can carry the SHA-256 of its exact bytes in a
// header (X-Content-SHA256) and memory stays flat however large the file grows.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { type Readable, Transform, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export interface HashedFile {
  file: string;
  sha256: string;
  bytes: number;
}

/** Runs `produce` into `file`; on failure the partial file is removed and the error rethrown. */
export async function writeHashedFile(file: string, produce: (out: Writable) => Promise<void>): Promise<HashedFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const target = fs.createWriteStream(file);
  hashing.pipe(target);
  try {
    await produce(hashing);
    if (!hashing.writableEnded) hashing.end();
    await finished(target);
  } catch (err) {
    hashing.destroy();
    target.destroy();
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  return { file, sha256: hash.digest('hex'), bytes };
}

/** The SHA-256 and size of the bytes a stream gives. */
export async function hashOfStream(bytesOf: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of bytesOf as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
