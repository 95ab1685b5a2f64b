import { LoginThrottle } from './auth/login-throttle.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { ExportStore } from './exports/export-store.js';
import { RateCounter } from './http/rate-counter.js';
import type { Logger } from './logger.js';
import { PendingWork } from './pending-work.js';

/**
 * What every feature's routes and services need, built once by main.ts, a tool or a test through
 * createAppContext. Every long-lived thing the server holds is a field here.
 */
export interface AppContext {
  db: Db;
  config: Config;
  logger: Logger;
  /** The current time; tests fix it. */
  now: () => Date;
  /** Work started outside a request (rules runs) that shutdown waits for or names when it gives up. */
  pending: PendingWork;
  /** Login attempts per address, account and both. */
  loginThrottle: LoginThrottle;
  /** Comments per institution (central bank users: per user), COMMENTS_PER_HOUR. */
  commentRate: RateCounter;
  /** API keys created per institution, API_KEYS_PER_DAY. */
  apiKeyRate: RateCounter;
  /** Exported findings files, kept by hash for EXPORT_RETENTION_DAYS. */
  exportStore: ExportStore;
}

const HOUR_MS = 60 * 60 * 1000;

/** The parts a caller must give; the rest is made here, so that adding a field touches one place. */
export interface AppContextParts {
  db: Db;
  config: Config;
  logger: Logger;
  now?: () => Date;
}

export function createAppContext({ db, config, logger, now = () => new Date() }: AppContextParts): AppContext {
  return {
    db,
    config,
    logger,
    now,
    pending: new PendingWork(),
    loginThrottle: new LoginThrottle(),
    commentRate: new RateCounter(config.COMMENTS_PER_HOUR, HOUR_MS),
    apiKeyRate: new RateCounter(config.API_KEYS_PER_DAY, 24 * HOUR_MS),
    exportStore: ExportStore.open(config),
  };
}
