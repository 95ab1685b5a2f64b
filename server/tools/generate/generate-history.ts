// Writes a generated history into a database through the same ingestion service the API uses
// (validation, canonical hash, versions, audit entries), then runs the rules once.
import fs from 'node:fs';
import type { AppContext } from '../../src/app-context.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Principal } from '../../src/domain/principal.js';
import { loadInstitutionFile, seedReferenceData } from '../../src/reference/seed-reference.js';
import { submitReport } from '../../src/reports/service.js';
import { runRules, type RunSummary } from '../../src/rules/run-rules.js';
import { loadDemoData } from '../../src/seed/demo-data.js';
import { DEMO_LAST_PERIOD } from '../../src/seed/demo-story.js';
import { nextPeriod } from '../../src/state/periods.js';
import { reportsOfPeriod } from './report-builder.js';
import type { GenerateSpec } from './sizes.js';
import { buildWorld, DEFAULT_FIRST_PERIOD, periodAt } from './world.js';

export interface GenerateResult {
  reports: number;
  links: number;
  /** The receipts' hashes in submission order: equal for equal seeds. */
  sha256s: string[];
  ingestSeconds: number;
  rulesSeconds: number;
  /** The final full run; null when skipped. */
  rules: RunSummary | null;
}

/** What the bench reports of a generation, kept beside the database so that later runs can reuse it. */
export interface GenerationFigures {
  'generate.seconds': number;
  'generate.reports': number;
}

export function writeGenerationFigures(dbFile: string, result: GenerateResult): GenerationFigures {
  const figures: GenerationFigures = {
    'generate.seconds': Math.round((result.ingestSeconds + result.rulesSeconds) * 10) / 10,
    'generate.reports': result.reports,
  };
  fs.writeFileSync(`${dbFile}.json`, JSON.stringify(figures));
  return figures;
}

/** A clock just after the history's last report was due, so that LATE-001 judges every period. */
export function clockAfter(lastPeriod: string): Date {
  return new Date(`${nextPeriod(lastPeriod)}-20T12:00:00.000Z`);
}

export function lastPeriodOf(spec: GenerateSpec): string {
  if (spec.kind === 'demo') return DEMO_LAST_PERIOD;
  return periodAt(spec.params.firstPeriod ?? DEFAULT_FIRST_PERIOD, spec.params.periods - 1);
}

export interface GenerateOptions {
  progress?: (line: string) => void;
  /** Run the rules at the end (default); a caller that only needs the reports can skip them. */
  rules?: boolean;
}

export async function generateHistory(ctx: AppContext, spec: GenerateSpec, options: GenerateOptions = {}): Promise<GenerateResult> {
  const progress = options.progress ?? (() => {});
  await migrateToLatest(ctx.db);
  const started = performance.now();
  let reports = 0;
  let links = 0;
  const sha256s: string[] = [];
  if (spec.kind === 'demo') {
    await seedReferenceData(ctx.db, loadInstitutionFile());
    reports = await loadDemoData(ctx);
  } else {
    const world = buildWorld(spec.params);
    await seedReferenceData(ctx.db, [...world.institutions]);
    for (let t = 0; t < world.periods.length; t++) {
      let periodLinks = 0;
      for (const report of reportsOfPeriod(world, t)) {
        const principal: Principal = { username: 'generator', role: 'institution', institution: report.institution, via: 'session' };
        // Rules are deferred: after every report they would re-evaluate its periods each time, which
        // makes a national history take hours; one full run at the end reaches the same findings.
        const receipt = await submitReport(ctx, principal, report, { skipRules: true });
        sha256s.push(receipt.sha256);
        periodLinks += receipt.counts.links;
        reports += 1;
      }
      links += periodLinks;
      progress(`${world.periods[t]}: ${periodLinks} links, ${links} in all, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  if (spec.kind === 'demo')
    links = Number(
      (
        await ctx.db
          .selectFrom('report_links')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ingestSeconds = (performance.now() - started) / 1000;
  const rules = options.rules === false ? null : await runRules(ctx);
  const rulesSeconds = (performance.now() - started) / 1000 - ingestSeconds;
  if (rules) progress(`rules: ${rules.findingsHit} findings in ${rulesSeconds.toFixed(1)} s`);
  return { reports, links, sha256s, ingestSeconds, rulesSeconds, rules };
}
