import { LoginThrottle } from './auth/login-throttle.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { ExportStore } from './exports/export-store.js';
import { RateCounter } from './domain/rate-counter.js';
import type { Logger } from './logger.js';
import { PendingWork } from './pending-work.js';
import { ReportChecker } from './reports/report-checker.js';
import { SubmissionGate } from './reports/submission-gate.js';

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
  /** Printable receipts drawn per institution (central bank users: per user), RECEIPT_PDFS_PER_HOUR. */
  receiptPdfRate: RateCounter;
  /** Report submissions in progress and the bytes each submitter sent this minute. */
  submissions: SubmissionGate;
  /** The worker thread that checks large dry runs off the event loop. */
  reportChecks: ReportChecker;
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
    receiptPdfRate: new RateCounter(config.RECEIPT_PDFS_PER_HOUR, HOUR_MS),
    submissions: new SubmissionGate(config.SUBMISSION_MB_PER_MINUTE * 1024 * 1024),
    reportChecks: new ReportChecker(),
    exportStore: ExportStore.open(config),
  };
}
