// `npm run rules -- --all | --stale [--rule ID …] [--from YYYY-MM] [--to YYYY-MM] [--now ISO]`:
// runs the rules on the configured database outside the server, e.g. after a bulk import.
import { parseArgs } from 'node:util';
import { createAppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { RULES } from './catalog.js';
import { refreshStaleFindings, runRules, type RunSummary } from './run-rules.js';

const USAGE = 'usage: npm run rules -- --all | --stale [--rule ID …] [--from YYYY-MM] [--to YYYY-MM] [--now ISO-date]';
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    stale: { type: 'boolean', default: false },
    rule: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    now: { type: 'string' },
  },
  strict: true,
});
if (values.all === values.stale)
  fail('Say --all (every enabled rule over every period) or --stale (only what changed since the last run).');
const unknown = (values.rule ?? []).filter((id) => !RULES.some((r) => r.id === id));
if (unknown.length > 0) fail(`Unknown rule ${unknown.join(', ')}; the rules are ${RULES.map((r) => r.id).join(', ')}.`);
for (const p of [values.from, values.to]) if (p !== undefined && !PERIOD.test(p)) fail(`${p} is not a period (YYYY-MM).`);
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) fail(`${values.now} is not a date.`);

const config = loadConfig();
// Runs walk no period before the first accepted report anyway; naming one is a mistake worth saying.
for (const p of [values.from, values.to])
  if (p !== undefined && p < config.EARLIEST_PERIOD)
    fail(`${p} is before EARLIEST_PERIOD (${config.EARLIEST_PERIOD}): no report is for it.`);
const database = openDatabase(config.DB_PATH);
const ctx = createAppContext({
  db: database.db,
  config,
  logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
  now: () => now,
});
try {
  await migrateToLatest(ctx.db);
  const runs: RunSummary[] = values.stale
    ? await refreshStaleFindings(ctx)
    : [
        await runRules(ctx, {
          ...(values.rule ? { rules: values.rule } : {}),
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
        }),
      ];
  if (runs.length === 0) console.log('Nothing was stale.');
  for (const r of runs) {
    console.log(
      `${r.rules.join(' ')}: periods ${r.from ?? '-'}…${r.to ?? '-'}, ${r.findingsHit} findings fired, ${r.opened} opened, ${r.resolved} resolved, ${r.reopened} reopened, ${r.updated} updated, ${r.ms} ms`,
    );
  }
} finally {
  await database.close();
}
