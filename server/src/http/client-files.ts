// The built client's files, from memory once read. express.static reads a file in several turns of
// the event loop (stat, open, read); an API answer computed in between holds each of those turns
// (at national size the overview's figures hold one turn long enough to be felt, and the page asks for them
// while its code is still loading). A file kept in memory goes out in the turn its request
// arrives. Anything out of the ordinary (ranges, dot files, odd paths, the first read) is left to
// express.static.
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';

const MAX_AGE_SECONDS = 3600;

interface Kept {
  mtimeMs: number;
  size: number;
  body: Buffer;
}

export function clientFiles(clientDir: string): RequestHandler {
  const root = path.resolve(clientDir);
  const fromDisk = express.static(root, { index: false, maxAge: MAX_AGE_SECONDS * 1000 });
  const kept = new Map<string, Kept>();
  return (req, res, next) => {
    const file = plainFile(root, req.method, req.path, req.headers.range);
    const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat?.isFile()) {
      fromDisk(req, res, next);
      return;
    }
    const hit = kept.get(file);
    if (!hit || hit.mtimeMs !== stat.mtimeMs || hit.size !== stat.size) {
      fs.promises.readFile(file).then(
        (body) => kept.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body }),
        () => kept.delete(file),
      );
      fromDisk(req, res, next);
      return;
    }
    // The headers express.static gives, its ETag (size and time) included: a browser revalidating
    // what it got from the disk gets 304 from memory too. res.send answers 304 with it.
    res.set({
      'Cache-Control': `public, max-age=${MAX_AGE_SECONDS}`,
      'Last-Modified': stat.mtime.toUTCString(),
      'Accept-Ranges': 'bytes',
      ETag: `W/"${stat.size.toString(16)}-${stat.mtime.getTime().toString(16)}"`,
    });
    res.type(path.extname(file)).send(hit.body);
  };
}

/** The file a plain GET or HEAD asks for, inside the client folder; undefined for anything else. */
function plainFile(root: string, method: string, urlPath: string, range: string | undefined): string | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || range !== undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.length === 0 || decoded.includes('\0') || decoded.includes('\\') || parts.some((p) => p.startsWith('.'))) return undefined;
  const file = path.join(root, ...parts);
  return file.startsWith(root + path.sep) ? file : undefined;
}
