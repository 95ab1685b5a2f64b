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
  /** After SIGTERM or SIGINT, how long requests and rules runs in flight may take before the process exits non-zero regardless. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How long a client may take to send a request's headers: a slow-loris client holds a socket only this long. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** How long a client may take to send a whole request, body included (a 50 MB report at 0.5 MB/s takes 100 s). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
})
  .refine((c) => c.HEADERS_TIMEOUT_MS <= c.REQUEST_TIMEOUT_MS, { error: 'HEADERS_TIMEOUT_MS cannot exceed REQUEST_TIMEOUT_MS', path: ['HEADERS_TIMEOUT_MS'] });

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return configSchema.parse(env);
}

export const projectRoot = rootDir;
