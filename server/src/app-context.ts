import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Logger } from './logger.js';

/** What every feature's routes and services need, built once by main.ts or a test. */
export interface AppContext {
  db: Db;
  config: Config;
  logger: Logger;
  /** The current time; tests fix it. */
  now: () => Date;
}
