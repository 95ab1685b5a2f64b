// The project's folder (package.json, data/, dist/): the nearest folder above this file that holds
// package.json. Found rather than counted, because this file runs at different depths: from
// server/src (tsx, tests), from dist/server (npm start) and from the bench's own build, which
// compiles the server beside the bench under dist/bench/src.
import fs from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json in ${start} or any folder above it`);
  }
}

export const projectRoot = findProjectRoot(import.meta.dirname);
