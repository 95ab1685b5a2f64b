// `npm run bench [-- --size small|medium|national] [--seed S] [--no-client] [--out file]`: the
// bench's measurements, printed as a table and written to bench/results.json (and
// bench/results-<size>.json). The generated history is kept in data/ and reused by later runs.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SIZE_NAMES } from '../generate/sizes.js';
import { benchPlan } from './plan.js';
import { formatTable } from './results.js';
import { runBench } from './run-bench.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    'no-client': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
  strict: true,
});
const parsed = z.object({ size: z.enum(SIZE_NAMES), seed: z.coerce.number().int().min(0) }).safeParse(values);
if (!parsed.success) {
  console.error(
    `${z.prettifyError(parsed.error)}\nusage: npm run bench -- [--size small|medium|national] [--seed S] [--no-client] [--out file]`,
  );
  process.exit(2);
}
const plan = benchPlan(parsed.data.size, parsed.data.seed, { client: !values['no-client'], out: values.out });
const started = performance.now();
const results = await runBench(plan, (line) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`));
console.log(formatTable(results.figures));
console.log(`\n${plan.out} (${results.meta.seconds} s)`);
