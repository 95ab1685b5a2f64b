// Starts the real app on a loopback port over a copy of a generated database, with a bench admin
// who reads and submits through the API like any client.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.js';
import { createAppContext, type AppContext } from '../../src/app-context.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { createHttpServer } from '../../src/http/http-server.js';
import { createLogger } from '../../src/logger.js';
import { prepareLatestStates } from '../../src/rules/engine.js';
import { acceptedPeriods } from '../../src/state/accepted-periods.js';
import { ApiClient } from '../../src/test/api-client.js';
import { createUser } from '../../src/users/service.js';

export const BENCH_USER = 'bench-admin';
export const BENCH_PASSWORD = 'bench-password-not-secret';

export interface BenchServer {
  baseUrl: string;
  ctx: AppContext;
  database: OpenDatabase;
  /** Logged in as the bench admin. */
  client: ApiClient;
  close(): Promise<void>;
}

export async function startBenchServer(file: string, options: { now: Date; clientDir?: string }): Promise<BenchServer> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DB_PATH: file,
    SEED: 'none',
    CLIENT_DIR: options.clientDir ?? '/nonexistent',
    HOST: '127.0.0.1',
  });
  const database = openDatabase(file);
  const ctx = createAppContext({ db: database.db, config, logger: createLogger('silent'), now: () => options.now });
  await createUser(ctx, { username: BENCH_USER, password: BENCH_PASSWORD, role: 'admin' }, 'bench');
  // What main does at start-up, waited for here so that no measurement overlaps it.
  await prepareLatestStates(ctx.db, acceptedPeriods(ctx));
  const server = createHttpServer(buildApp(ctx), config).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new ApiClient(baseUrl);
  await client.logIn(BENCH_USER, BENCH_PASSWORD);
  return {
    baseUrl,
    ctx,
    database,
    client,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
