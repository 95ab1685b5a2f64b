// A small run of `npm run load`: it must still start its server, rush, browse, print its table and
// find every report it was given a receipt for.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/test/server-process.js';

const run = promisify(execFile);

describe('npm run load (small)', () => {
  it('prints throughput and latency per route and loses no report', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/tools/load/cli.ts', '--institutions', '3', '--rows', '300', '--analysts', '3', '--seconds', '3'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, LOG_LEVEL: 'warn' },
      },
    );
    expect(stdout).toMatch(/GET \/overview\s+\d+/);
    expect(stdout).toMatch(/POST \/reports \(300 rows\)\s+3\s/);
    expect(stdout).toMatch(/\(3 new, 3 receipts\); lost or partial: 0\./);
    expect(stdout).toContain('No request failed and no report was lost.');
  }, 180_000);
});
