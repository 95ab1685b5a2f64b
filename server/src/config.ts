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
   * How long a submission under an Idempotency-Key holds the key before a retry may take it over:
   * a request whose process died frees its key after this, not after 24 hours. Longer than a
   * report's validation and storage take (seconds at national size); a retry that takes over from
   * a request still running cannot store the report twice (the key's outcome commits with it).
   */
  IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return configSchema.parse(env);
}

export const projectRoot = rootDir;
