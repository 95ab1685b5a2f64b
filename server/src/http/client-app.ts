// Serves the built Angular client, with index.html for every client-side route.
import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { clientFiles } from './client-files.js';
import { withModulePreloads } from './module-preloads.js';

export function clientApp(clientDir: string): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  // Rebuilt when a new build replaces index.html (its file names change with every build).
  let served: { mtimeMs: number; html: string } | undefined;
  router.use(clientFiles(clientDir));
  router.get(/^\/(?!api\/).*/, (_req, res) => {
    const stat = fs.statSync(index, { throwIfNoEntry: false });
    if (!stat) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    if (served?.mtimeMs !== stat.mtimeMs)
      served = { mtimeMs: stat.mtimeMs, html: withModulePreloads(fs.readFileSync(index, 'utf8'), clientDir) };
    res.set('Cache-Control', 'no-cache').type('html').send(served.html);
  });
  return router;
}
