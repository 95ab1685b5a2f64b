// `npm run generate -- --size small|medium|national | --institutions N --cities N --periods N
// [--seed S] [--db path] [--force]`: writes a synthetic history into a new database file.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAppContext } from '../../src/app-context.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { clockAfter, generateHistory, lastPeriodOf, writeGenerationFigures } from './generate-history.js';
import { MEDIUM, SIZE_NAMES, sizeSpec, specLabel, type GenerateSpec } from './sizes.js';

const USAGE =
  'usage: npm run generate -- --size small|medium|national | --institutions N --cities N --periods N [--seed S] [--db path] [--force]';

const count = z.coerce.number().int().min(1);
const args = z.strictObject({
  size: z.enum(SIZE_NAMES).optional(),
  institutions: count.max(2000).optional(),
  cities: count.optional(),
  periods: count.max(600).optional(),
  seed: z.coerce.number().int().min(0).default(1),
  db: z.string().optional(),
  force: z.boolean().default(false),
});

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    institutions: { type: 'string' },
    cities: { type: 'string' },
    periods: { type: 'string' },
    seed: { type: 'string' },
    db: { type: 'string' },
    force: { type: 'boolean' },
  },
  strict: true,
});
const parsed = args.safeParse(values);
if (!parsed.success) {
  console.error(`${z.prettifyError(parsed.error)}\n${USAGE}`);
  process.exit(2);
}
const input = parsed.data;
const explicit = input.institutions !== undefined || input.cities !== undefined || input.periods !== undefined;
if (!input.size && !(input.institutions && input.cities && input.periods)) {
  console.error(`Say --size, or all of --institutions, --cities and --periods.\n${USAGE}`);
  process.exit(2);
}

/** Explicit dimensions override those of the named size (of medium when small, the demo, is named or none is). */
function chosenSpec(): GenerateSpec {
  const named = sizeSpec(input.size ?? 'medium', input.seed);
  if (!explicit) return named;
  const base = named.kind === 'world' ? named.params : MEDIUM;
  return {
    kind: 'world',
    params: {
      seed: input.seed,
      institutions: input.institutions ?? base.institutions,
      cities: input.cities ?? base.cities,
      periods: input.periods ?? base.periods,
    },
  };
}

const spec = chosenSpec();
const file = path.resolve(input.db ?? path.join(projectRoot, 'data', `generated-${specLabel(spec)}.db`));
if (fs.existsSync(file)) {
  if (!input.force) {
    console.error(`${file} exists; say --force to replace it.`);
    process.exit(2);
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

const now = clockAfter(lastPeriodOf(spec));
const database = openDatabase(file);
const ctx = createAppContext({
  db: database.db,
  config: loadConfig({ DB_PATH: file, SEED: 'none', LOG_LEVEL: 'warn' }),
  logger: createLogger('warn'),
  now: () => now,
});
try {
  const result = await generateHistory(ctx, spec, { progress: (line) => console.error(line) });
  const seconds = result.ingestSeconds + result.rulesSeconds;
  writeGenerationFigures(file, result);
  console.log(
    `${file}: ${result.reports} reports, ${result.links} links, ${result.rules?.findingsHit ?? 0} findings; ingestion ${result.ingestSeconds.toFixed(1)} s, rules ${result.rulesSeconds.toFixed(1)} s, ${seconds.toFixed(1)} s in all`,
  );
} finally {
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
}
