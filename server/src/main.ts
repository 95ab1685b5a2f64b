// Reads config, opens the database, starts listening and shuts down cleanly on SIGTERM/SIGINT.
import type { Server } from 'node:http';
import { buildApp } from './app.js';
import { createAppContext } from './app-context.js';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { createHttpServer } from './http/http-server.js';
import { LogOutput } from './log-output.js';
import { createLogger } from './logger.js';
import { prepareLatestStates } from './rules/engine.js';
import { acceptedPeriods } from './state/accepted-periods.js';
import { runRules } from './rules/run-rules.js';
import { Shutdown } from './shutdown.js';
import { DEMO_PASSWORD } from './users/service.js';

const config = loadConfig();
const logOutput = new LogOutput();
const logger = createLogger(config.LOG_LEVEL, logOutput);
const database = openDatabase(config.DB_PATH);
const ctx = createAppContext({ db: database.db, config, logger, now: () => new Date() });
let lateCheck: NodeJS.Timeout | undefined;
const shutdown = new Shutdown({ ctx, closeDatabase: () => database.close(), logOutput, stopTimers: () => clearInterval(lateCheck) });
shutdown.listenForSignals();

const started = Date.now();
const result = await ctx.pending.track('start-up (migrations, demo data, stale rules)', bootstrap(ctx, config.SEED));
logger.info(
  {
    db: config.DB_PATH,
    migrations: result.migrations,
    demoReports: result.demoReports,
    ruleRuns: result.ruleRuns,
    ms: Date.now() - started,
  },
  'database ready',
);

if (!shutdown.requested) serve();

function serve(): void {
  // The first report after start-up finds the latest periods' states made, as later ones do. Reads
  // only: shutdown does not wait for it.
  prepareLatestStates(ctx.db, acceptedPeriods(ctx)).catch((err: unknown) => {
    if (!shutdown.requested) logger.error({ err }, 'preparing the latest periods failed; the first report builds them');
  });

  // Missing reports become late as days pass, without any new data: look again every hour.
  lateCheck = setInterval(
    () => {
      runRules(ctx, { rules: ['LATE-001'] }).catch((err: unknown) => logger.error({ err }, 'the hourly LATE-001 run failed'));
    },
    60 * 60 * 1000,
  );
  lateCheck.unref();

  const server: Server = createHttpServer(buildApp(ctx), config).listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const lines = [`Interop Monitor listening on http://localhost:${port}`, `API reference: http://localhost:${port}/api/docs`];
    if (result.demoUsers.length > 0) {
      lines.push(`Demo logins (password "${DEMO_PASSWORD}"): ${result.demoUsers.join(', ')}`);
    }
    // Through the log's output, never blocking: a parent that stops reading must not stall the server.
    logOutput.write(lines.map((line) => `${line}\n`).join(''));
  });
  shutdown.serve(server);
}
