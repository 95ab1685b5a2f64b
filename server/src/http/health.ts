import { Router } from 'express';
import { sql } from 'kysely';
import type { AppContext } from '../app-context.js';
import { APP_VERSION } from '../version.js';

export function healthRoutes({ db }: AppContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    let dbStatus = 'ok';
    try {
      await sql`select 1`.execute(db);
    } catch {
      dbStatus = 'unavailable';
    }
    res.status(dbStatus === 'ok' ? 200 : 503).json({ status: dbStatus === 'ok' ? 'ok' : 'degraded', version: APP_VERSION, db: dbStatus });
  });
  return router;
}
