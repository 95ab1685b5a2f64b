// Starts the real app on a loopback port with an in-memory database, for tests that talk HTTP.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.js';
import { createAppContext, type AppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createHttpServer } from '../http/http-server.js';
import type { Institution } from '../contract/reference.js';
import { rememberRecentLogins } from '../auth/login-throttle.js';
import { createLogger } from '../logger.js';
import { seedReferenceData } from '../reference/seed-reference.js';
import { createDemoUsers } from '../users/service.js';
import { ApiClient } from './api-client.js';

export const FIXTURE_INSTITUTIONS: Institution[] = [
  { id: 'alipay', name: 'Alipay', nameZh: '支付宝', kind: 'wallet', group: 'ant-group', systemic: true, active: true },
  { id: 'tenpay', name: 'WeChat Pay', nameZh: '微信支付', kind: 'wallet', group: 'tencent', systemic: true, active: true },
  { id: 'unionpay', name: 'China UnionPay', nameZh: '中国银联', kind: 'network', group: 'unionpay', systemic: true, active: true },
  { id: 'icbc', name: 'ICBC', nameZh: '中国工商银行', kind: 'bank', group: 'icbc', systemic: false, active: true },
  { id: 'cmb', name: 'China Merchants Bank', nameZh: '招商银行', kind: 'bank', group: 'cmb', systemic: false, active: true },
];

export interface TestApp {
  baseUrl: string;
  ctx: AppContext;
  /** A client logged in as a fixture user (password "demo"), or anonymous without a name. */
  as(username?: string): Promise<ApiClient>;
  /** Moves the server's clock (ctx.now) to `at`, for what depends on time passing: idle sessions, rate windows. */
  setNow(at: Date): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  now?: Date;
  /** A database file instead of memory, for tests of what happens to the file (backups). */
  dbPath?: string;
  /** Settings beyond the test defaults, as the environment would give them. */
  env?: Record<string, string>;
  institutions?: Institution[];
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dbPath = options.dbPath ?? ':memory:';
  const config = loadConfig({ LOG_LEVEL: 'silent', DB_PATH: dbPath, SEED: 'none', CLIENT_DIR: '/nonexistent', ...options.env });
  const database = openDatabase(dbPath);
  let fixedNow = options.now;
  const ctx = createAppContext({ db: database.db, config, logger: createLogger('silent'), now: () => fixedNow ?? new Date() });
  await migrateToLatest(ctx.db);
  await seedReferenceData(ctx.db, options.institutions ?? FIXTURE_INSTITUTIONS);
  await createDemoUsers(ctx);
  // As bootstrap does at start-up: the addresses users logged in from stay known across a restart.
  await rememberRecentLogins(ctx);
  const server = createHttpServer(buildApp(ctx), config).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    ctx,
    async as(username) {
      const client = new ApiClient(baseUrl);
      if (username) await client.logIn(username, 'demo');
      return client;
    },
    setNow(at) {
      fixedNow = at;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.reportChecks.close();
      await database.close();
      ctx.exportStore.dispose();
    },
  };
}
