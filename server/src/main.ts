// Reads config, opens the database, starts listening and shuts down cleanly on SIGTERM/SIGINT.
import type { Server } from 'node:http';
import { buildApp } from './app.js';
import { createAppContext } from './app-context.js';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { createLogger } from './logger.js';
import { prepareLatestStates } from './rules/engine.js';
import { acceptedPeriods } from './state/accepted-periods.js';
import { runRules } from './rules/run-rules.js';
import { DEMO_PASSWORD } from './users/service.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const database = openDatabase(config.DB_PATH);
const ctx = createAppContext({ db: database.db, config, logger, now: () => new Date() });

const started = Date.now();
const result = await bootstrap(ctx, config.SEED);
logger.info({ db: config.DB_PATH, migrations: result.migrations, demoReports: result.demoReports, ruleRuns: result.ruleRuns, ms: Date.now() - started }, 'database ready');

// The first report after start-up finds the latest periods' states made, as later ones do.
prepareLatestStates(ctx.db, acceptedPeriods(ctx)).catch((err: unknown) => logger.error({ err }, 'preparing the latest periods failed; the first report builds them'));

// Missing reports become late as days pass, without any new data: look again every hour.
const lateCheck = setInterval(() => {
  runRules(ctx, { rules: ['LATE-001'] }).catch((err: unknown) => logger.error({ err }, 'the hourly LATE-001 run failed'));
}, 60 * 60 * 1000);
lateCheck.unref();

const server: Server = buildApp(ctx).listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const lines = [`Interop Monitor listening on http://localhost:${port}`, `API reference: http://localhost:${port}/api/docs`];
  if (result.demoUsers.length > 0) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"): ${result.demoUsers.join(', ')}`);
  }
  for (const line of lines) console.log(line);
});

let stopping = false;
function shutDown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight requests');
  server.close(() => {
    database
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'closing the database failed');
        process.exit(1);
      });
  });
  // A connection whose last response went out after the signal would idle in keep-alive for seconds:
  // close connections as soon as they fall idle, so the process ends when the last answer is sent.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
