// The bench's figures: flat keys with their unit in the name, their targets, and the table.
import fs from 'node:fs';
import path from 'node:path';

export type Figures = Record<string, number | null>;

/** Every figure a full run writes (the smoke run skips the client's). */
export const FIGURE_KEYS = [
  'generate.seconds',
  'generate.reports',
  'ingest.rows',
  'ingest.seconds',
  'ingest.rowsPerSecond',
  'ingest.rawSeconds',
  'ingest.rawRowsPerSecond',
  'ingest.ratioToRaw',
  'ingest.realistic.rows',
  'ingest.realistic.seconds',
  'ingest.realistic.rowsPerSecond',
  'ingest.realistic.rawSeconds',
  'ingest.realistic.rawRowsPerSecond',
  'ingest.realistic.ratioToRaw',
  'ingest.newMonth.rows',
  'ingest.newMonth.seconds',
  'ingest.newMonth.rowsPerSecond',
  'ingest.newMonth.rawSeconds',
  'ingest.newMonth.rawRowsPerSecond',
  'ingest.newMonth.ratioToRaw',
  'matrix.p50Ms',
  'matrix.p95Ms',
  'matrix.firstAtPeriodP50Ms',
  'matrix.firstAtPeriodP95Ms',
  'matrix.bareP50Ms',
  'matrix.bareP95Ms',
  'matrix.ratioToBare',
  'coverage.byPeriod.p50Ms',
  'coverage.byPeriod.p95Ms',
  'coverage.byCity.p50Ms',
  'coverage.byCity.p95Ms',
  'rules.fullRunSeconds',
  'rules.peakRssMb',
  'rules.findingsHit',
  'findings.count',
  'findings.listPage.p50Ms',
  'findings.listPage.p95Ms',
  'export.rows',
  'export.csv.seconds',
  'export.csv.peakRssMb',
  'export.xlsx.seconds',
  'export.xlsx.peakRssMb',
  'db.megabytes',
  'db.links',
  'db.bytesPerMillionLinks',
  'client.loginInitialJsKbGzip',
  'client.overviewInitialJsKbGzip',
  'client.overviewDrawnMs',
] as const;

export const CLIENT_KEYS = FIGURE_KEYS.filter((k) => k.startsWith('client.'));

/** The targets: each figure at most this much (ingestion's 1 s is for a 50,000-row report: the worst case, the correction and the month's first report alike). */
export const TARGETS: Partial<Record<(typeof FIGURE_KEYS)[number], number>> = {
  'ingest.seconds': 1,
  'ingest.ratioToRaw': 3,
  'ingest.realistic.seconds': 1,
  'ingest.realistic.ratioToRaw': 3,
  'ingest.newMonth.seconds': 1,
  'ingest.newMonth.ratioToRaw': 3,
  'matrix.p95Ms': 30,
  'matrix.firstAtPeriodP95Ms': 30,
  'matrix.ratioToBare': 5,
  'coverage.byPeriod.p95Ms': 100,
  'coverage.byCity.p95Ms': 100,
  'rules.fullRunSeconds': 10,
  'rules.peakRssMb': 300,
  'export.csv.seconds': 5,
  'export.csv.peakRssMb': 300,
  'export.xlsx.seconds': 20,
  'export.xlsx.peakRssMb': 300,
  'client.overviewDrawnMs': 1500,
};

function unitOf(key: string): string {
  const match = /(Ms|Seconds|seconds|Mb|KbGzip|PerSecond|PerMillionLinks|megabytes|ratioTo\w+)$/.exec(key.split('.').at(-1) ?? '');
  const units: Record<string, string> = {
    Ms: 'ms',
    Seconds: 's',
    seconds: 's',
    Mb: 'MB',
    KbGzip: 'KB gzip',
    PerSecond: '/s',
    PerMillionLinks: 'B per 1M links',
    megabytes: 'MB',
  };
  if (!match) return '';
  return match[1].startsWith('ratioTo') ? '×' : units[match[1]];
}

export function formatTable(figures: Figures): string {
  const lines = [['figure', 'value', 'unit', 'target', ''].join('\t')];
  for (const [key, value] of Object.entries(figures)) {
    const target = TARGETS[key as keyof typeof TARGETS];
    const verdict = target === undefined || value === null ? '' : value <= target ? 'met' : 'MISSED';
    lines.push([key, value === null ? '—' : String(value), unitOf(key), target === undefined ? '' : `≤ ${target}`, verdict].join('\t'));
  }
  const rows = lines.map((l) => l.split('\t'));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export interface BenchResults {
  meta: { size: string; label: string; seed: number; startedAt: string; seconds: number; node: string; skipped: string[]; notes: string[] };
  figures: Figures;
}

/** results.json holds the figures at its top level, so that `jq '."ingest.ratioToRaw"'` works; the run's facts are under "meta". */
export function writeResults(file: string, results: BenchResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ meta: results.meta, ...results.figures }, null, 2)}\n`);
}
