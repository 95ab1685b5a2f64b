// Environment → typed configuration, validated once at start.
import path from 'node:path';
import { z } from 'zod';

const rootDir = path.resolve(import.meta.dirname, '..', '..');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DB_PATH: z.string().default(path.join(rootDir, 'data', 'interop.db')),
  SEED: z.enum(['demo', 'none']).default('demo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().default(path.join(rootDir, 'dist', 'client', 'browser')),
  /** Cookies get the Secure flag only behind TLS; localhost demo runs over plain HTTP. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Report submissions (dry runs included) one institution may make per minute: a runaway system gets 429, not the server. */
  SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /**
   * Megabytes of reports (decoded) one institution may send per minute, dry runs included, beside
   * the count above: a 50 MB report costs the server what a hundred small ones do. Past it, 429.
   */
  SUBMISSION_MB_PER_MINUTE: z.coerce.number().int().min(1).default(200),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return configSchema.parse(env);
}

export const projectRoot = rootDir;
