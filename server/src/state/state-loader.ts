// Builds period states from the database: each institution's as-of report, its links and
// agreements read once while the periods are walked in order, and the latest periods' states and
// reports' contents kept between runs (kept-states.ts, read-reports.ts).
import type { Agreement } from '../contract/reports.js';
import type { Db } from '../db/database.js';
import { keepState, keptState, stateKey } from './kept-states.js';
import { buildPeriodState, reportsOnlyState, type LinksByScope, type PeriodState } from './period-state.js';
import { readReportsOf } from './read-reports.js';
import { linksByScope, unpackLinks } from '../reports/packed-links.js';
import { agreementsOfReports, asOfReports, packedLinksOfReports, type AsOfReport } from './repository.js';

const CHUNK = 500;

/**
 * Builds period states in any order, keeping the links and agreements of the reports it has read
 * so that walking the periods in order reads each report once.
 */
export interface StateLoaderOptions {
  /**
   * Keep only the links among these institutions (coverage counts systemic pairs only). Such links
   * are declared in these institutions' own reports, so the others' links are never read: at
   * national size that is most of the rows, and most cities' own rows (regional banks) with them.
   */
  linksAmong?: ReadonlySet<string>;
  /**
   * Keep the states of this period and later ones for later loaders (see kept-states.ts), and take
   * them from there. Not with linksAmong, whose states hold only some links.
   */
  keepStatesFrom?: string;
}

export class StateLoader {
  private readonly links = new Map<number, LinksByScope>();
  private readonly agreements = new Map<number, (Agreement & { row: number })[]>();
  private readonly institutionOf = new Map<number, string>();
  private readonly strings = new Map<string, string>();
  /** Each held report's links as stored packed. */
  private readonly packedLinks = new Map<number, Uint8Array>();

  constructor(
    private readonly db: Db,
    private readonly cities: readonly string[],
    private readonly options: StateLoaderOptions = {},
  ) {}

  async stateAt(period: string): Promise<PeriodState> {
    const reports = await asOfReports(this.db, period);
    const among = this.options.linksAmong;
    const keep = among === undefined && this.options.keepStatesFrom !== undefined && period >= this.options.keepStatesFrom;
    const key = keep ? stateKey(period, reports, this.cities) : '';
    const kept = keep ? keptState(this.db, key) : undefined;
    if (kept) return kept;
    await this.load(reports, among ? new Set(reports.filter((r) => among.has(r.institution)).map((r) => r.id)) : undefined, keep);
    // The state reads its links lazily, so it keeps its own reports' rows: loading a later period
    // forgets the reports that period no longer needs (the previous period's state is still in use).
    const links = new Map(reports.map((r) => [r.id, this.links.get(r.id)]));
    const agreements = new Map(reports.map((r) => [r.id, this.agreements.get(r.id)]));
    const state = buildPeriodState(period, reports, this.cities, {
      links: (id, scope) => links.get(id)?.get(scope) ?? [],
      agreements: (id) => agreements.get(id) ?? [],
    });
    if (keep) keepState(this.db, key, state);
    return state;
  }

  /** The state of a period with its as-of reports only (see reportsOnlyState). */
  async reportsAt(period: string): Promise<PeriodState> {
    return reportsOnlyState(period, await asOfReports(this.db, period));
  }

  /** One copy of each distinct value: a national run holds millions of links naming a few hundred institutions, cities and dates. */
  private shared(value: string): string {
    const held = this.strings.get(value);
    if (held !== undefined) return held;
    this.strings.set(value, value);
    return value;
  }

  /**
   * Reads the reports not yet held and forgets those no longer needed; only `withLinks`' links when
   * given. A report whose links read back exactly as those of its institution's report held until
   * now (most institutions repeat last month's links) takes that report's links instead of parsing
   * them again. Comparing the packed bytes costs nothing next to unpacking and parsing them, or to
   * the query that compared the two reports' rows inside SQLite (a large part of a national run). Reports
   * an earlier loader read are taken from read-reports.ts; what this one reads is put there when
   * `remember`.
   */
  private async load(reports: readonly AsOfReport[], withLinks: ReadonlySet<number> | undefined, remember: boolean): Promise<void> {
    const wanted = new Set(reports.map((r) => r.id));
    const forgotten = new Map<string, { links: LinksByScope; packed: Uint8Array | undefined }>();
    for (const [id, links] of this.links) {
      if (!wanted.has(id)) {
        forgotten.set(this.institutionOf.get(id)!, { links, packed: this.packedLinks.get(id) });
        this.links.delete(id);
        this.packedLinks.delete(id);
        this.agreements.delete(id);
        this.institutionOf.delete(id);
      }
    }
    // Reports read by an earlier loader are taken as read; only a loader that reads every link shares them.
    const readReports = this.options.linksAmong === undefined ? readReportsOf(this.db) : undefined;
    for (const r of reports) {
      const read = this.links.has(r.id) ? undefined : readReports?.get(r.id);
      if (read) {
        this.links.set(r.id, read.links);
        this.agreements.set(r.id, read.agreements);
        this.institutionOf.set(r.id, r.institution);
      }
    }
    const fresh = reports.filter((r) => !this.links.has(r.id));
    for (const r of fresh) {
      this.links.set(r.id, new Map());
      this.agreements.set(r.id, []);
      this.institutionOf.set(r.id, r.institution);
    }
    const toRead = new Set((withLinks ? fresh.filter((r) => withLinks.has(r.id)) : fresh).map((r) => r.id));
    const missing = fresh.map((r) => r.id);
    for (let i = 0; i < missing.length; i += CHUNK) {
      const chunk = missing.slice(i, i + CHUNK);
      const linked = chunk.filter((id) => toRead.has(id));
      for (const [reportId, packed] of await packedLinksOfReports(this.db, linked)) {
        this.packedLinks.set(reportId, packed);
        const earlier = forgotten.get(this.institutionOf.get(reportId)!);
        if (earlier?.packed !== undefined && Buffer.compare(earlier.packed, packed) === 0) this.links.set(reportId, earlier.links);
        else
          this.links.set(
            reportId,
            linksByScope(unpackLinks(packed), (s) => this.shared(s), this.options.linksAmong),
          );
      }
      for (const [reportId, agreements] of await agreementsOfReports(this.db, chunk)) this.agreements.set(reportId, agreements);
    }
    // Only the kept periods' reports are remembered: a full run would otherwise keep older months' alive.
    if (readReports && remember) {
      for (const id of missing) {
        const links = this.links.get(id)!;
        let rows = 0;
        for (const list of links.values()) rows += list.length;
        readReports.set(id, { links, agreements: this.agreements.get(id)!, rows });
      }
    }
  }
}
