// Environment → typed configuration, validated once at start.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { PERIOD_PATTERN } from './contract/common.js';
import { projectRoot } from './project-root.js';

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet (`10.0.0.0/8`) or one of Express's names for a range (`loopback`). */
function isProxyAddress(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  return (
    PROXY_NAMES.has(entry) ||
    (rest.length === 0 && isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix) || isIP(prefix) !== 0))
  );
}

/**
 * Which proxies' X-Forwarded-For and X-Forwarded-Proto the server believes: none by default (the
 * client address is the socket's), a number of hops, or a comma-separated list of addresses,
 * subnets and the names loopback, linklocal, uniquelocal. "true" (believe anyone) is refused: it
 * would let every client pick its own address and so its own login and rate-limit buckets.
 */
const trustProxy = z
  .string()
  .default('')
  .transform((value, ctx): false | number | string[] => {
    const text = value.trim();
    if (text === '' || text === 'false') return false;
    if (/^\d+$/.test(text)) return Number(text);
    const entries = text.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY: not a hop count, address, subnet, loopback, linklocal or uniquelocal: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DB_PATH: z.string().default(path.join(projectRoot, 'data', 'interop.db')),
    SEED: z.enum(['demo', 'none']).default('demo'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CLIENT_DIR: z.string().default(path.join(projectRoot, 'dist', 'client', 'browser')),
    /** Cookies always get the Secure flag; without it, only requests that arrived over TLS (req.secure) do. */
    COOKIE_SECURE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    TRUST_PROXY: trustProxy,
    /** A session ends after this many minutes without a request, and in any case 12 hours after login. */
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(30),
    /** Comments one institution (or one central bank user) may post per hour: 429 COMMENT_RATE_LIMITED beyond. */
    COMMENTS_PER_HOUR: z.coerce.number().int().min(1).default(60),
    /** API keys that may be created for one institution per day: 429 API_KEY_RATE_LIMITED beyond. */
    API_KEYS_PER_DAY: z.coerce.number().int().min(1).default(10),
    /** Report submissions (dry runs included) one institution may make per minute: a runaway system gets 429, not the server. */
    /** Printable (PDF) receipts one institution, or one central bank user, may draw an hour: drawing one costs far more CPU than a JSON receipt. */
    RECEIPT_PDFS_PER_HOUR: z.coerce.number().int().min(1).default(60),
    SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    /** After SIGTERM or SIGINT, how long requests and rules runs in flight may take before the process exits non-zero regardless. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /**
     * How long a submission under an Idempotency-Key holds the key before a retry may take it over:
     * a request whose process died frees its key after this, not after 24 hours. Longer than a
     * report's validation and storage take (seconds at national size); a retry that takes over from
     * a request still running cannot store the report twice (the key's outcome commits with it).
     */
    IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /**
     * The first period a report may be for (YYYY-MM); reports run from it to the current month. No
     * rule, coverage or calendar walks a period before it, so a backdated report cannot make the
     * server walk thousands of empty months.
     */
    EARLIEST_PERIOD: z.string().regex(PERIOD_PATTERN, { error: 'EARLIEST_PERIOD must be a month as YYYY-MM' }).default('2015-01'),
    /**
     * Megabytes of reports (decoded) one institution may send per minute, dry runs included, beside
     * the count above: a 50 MB report costs the server what a hundred small ones do. Past it, 429.
     */
    SUBMISSION_MB_PER_MINUTE: z.coerce.number().int().min(1).default(200),
    /** How long a client may take to send a request's headers: a slow-loris client holds a socket only this long. */
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** How long a client may take to send a whole request, body included (a 50 MB report at 0.5 MB/s takes 100 s). */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
    /**
     * How many days an exported findings file is kept for re-download (GET /exports/:id/file), counted
     * from the last export of the same bytes. An environment setting: the administrator who runs
     * the server sets it. The audit trail keeps every export's record and hash for ever regardless.
     */
    EXPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
    /** The folder kept exports live in, one database's alone; by default `<DB_PATH>-exports` (a temporary folder for an in-memory database). */
    EXPORT_DIR: z.string().min(1).optional(),
  })
  .refine((c) => c.HEADERS_TIMEOUT_MS <= c.REQUEST_TIMEOUT_MS, {
    error: 'HEADERS_TIMEOUT_MS cannot exceed REQUEST_TIMEOUT_MS',
    path: ['HEADERS_TIMEOUT_MS'],
  });

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return configSchema.parse(env);
}

export { projectRoot };
