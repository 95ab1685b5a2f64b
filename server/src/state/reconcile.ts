// The state of links as of a period, from each institution's latest report: the scanner's word is
// authoritative, and every link says whether both parties agree. Pure; tested without a database.
//
// The scanner's silence is a declaration too: a report is its institution's complete declaration,
// so a link its scanner's as-of report leaves out is absent, whatever the issuer says. The issuer's
// word alone counts only while the scanner has no report as of the period. Otherwise a competitor
// could declare itself recognised by a rival (or a link withdrawn by it) and have the rival named
// in findings and shown in the matrix on its word alone (DESIGN, "Evidence standard").

export type LinkStatus = 'live' | 'pilot' | 'planned' | 'suspended';
export type Reconciliation = 'confirmed' | 'disputed' | 'unconfirmed';

/** Where a declaration was made: evidence that findings point to. */
export interface LinkSource {
  reportId: number;
  version: number;
  /** The declaring institution and its report's period. */
  institution: string;
  period: string;
  row: number;
}

/** The report that makes declarations: one object per report, which its declarations share. */
export interface DeclaringIn {
  id: number;
  version: number;
  institution: string;
  period: string;
}

export interface Declaration {
  scanner: string;
  issuer: string;
  status: LinkStatus;
  since: string;
  /** Its row in the report that declares it, when the links are to give evidence. */
  row?: number;
}

/** One institution's as-of report: its period and what it declares in the scope being looked at. */
export interface DeclaringReport {
  institution: string;
  period: string;
  declarations: Declaration[];
}

export interface StateLink extends Declaration {
  reconciliation: Reconciliation;
  /** The report of the declaration chosen (`row` is its row there). */
  declaredIn?: DeclaringIn;
  /** The issuer's own declaration, when the scanner's was chosen and the issuer declared too. */
  otherStatus?: LinkStatus;
  otherDeclaredIn?: DeclaringIn;
  otherRow?: number;
}

/** The report rows that declare the link: the chosen declaration's, then the other party's. */
export function linkSources(link: StateLink): LinkSource[] {
  const sources: LinkSource[] = [];
  const add = (report: DeclaringIn | undefined, row: number | undefined) => {
    if (report !== undefined && row !== undefined)
      sources.push({ reportId: report.id, version: report.version, institution: report.institution, period: report.period, row });
  };
  add(link.declaredIn, link.row);
  add(link.otherDeclaredIn, link.otherRow);
  return sources;
}

/** The links of the state; `omitted`, when given, receives the issuer's declarations that the scanners' reports leave out (see reconcilePairs). */
export function reconcileDeclarations(reports: readonly DeclaringReport[], period: string, omitted?: StateLink[]): StateLink[] {
  const periodOf = new Map(reports.map((r) => [r.institution, r.period]));
  const byPair = new Map<string, PairDeclarations>();
  for (const report of reports) for (const d of report.declarations) addDeclaration(byPair, report.institution, d);
  return reconcilePairs(byPair.values(), periodOf, period, omitted);
}

/** What the two parties of one (scanner, issuer) pair declare: the last declaration of each one's own report, and the reports. */
export interface PairDeclarations {
  pair: [string, string];
  scanner?: Declaration;
  issuer?: Declaration;
  scannerIn?: DeclaringIn;
  issuerIn?: DeclaringIn;
}

export const pairKey = (scanner: string, issuer: string): string => `${scanner}|${issuer}`;

/**
 * Records a declaration made in `institution`'s report (`report`, when the links are to give
 * evidence); a later one of the same report replaces an earlier one. `key` is its pair's, when the
 * caller has it.
 */
export function addDeclaration(
  byPair: Map<string, PairDeclarations>,
  institution: string,
  d: Declaration,
  key = pairKey(d.scanner, d.issuer),
  report?: DeclaringIn,
): void {
  let entry = byPair.get(key);
  if (!entry) {
    entry = { pair: [d.scanner, d.issuer] };
    byPair.set(key, entry);
  }
  if (institution === d.scanner) {
    entry.scanner = d;
    entry.scannerIn = report;
  }
  if (institution === d.issuer) {
    entry.issuer = d;
    entry.issuerIn = report;
  }
}

/**
 * Whether the pair's scanner has a report as of the period and leaves the link out: the link is then
 * absent, and the issuer's declaration of it is only a claim (disputed when both reported for the
 * period, which CONS-001 reports).
 */
function leftOutByScanner({ scanner, issuer, pair }: PairDeclarations, periodOf: ReadonlyMap<string, string>): boolean {
  return scanner === undefined && issuer !== undefined && periodOf.has(pair[0]);
}

/**
 * The links of the given pairs, sorted by scanner then issuer. Each pair is reconciled on its own,
 * so a city's links can be its shared links with only its own pairs reconciled again. `omitted`,
 * when given, receives (sorted the same way) the issuer's declarations of links that the scanner's
 * as-of report leaves out, which are not links of the state.
 */
export function reconcilePairs(
  pairs: Iterable<PairDeclarations>,
  periodOf: ReadonlyMap<string, string>,
  period: string,
  omitted?: StateLink[],
): StateLink[] {
  const links: StateLink[] = [];
  for (const p of pairs) {
    const link = reconciled(p, periodOf, period);
    if (!link) continue;
    if (!leftOutByScanner(p, periodOf)) links.push(link);
    else omitted?.push(link);
  }
  omitted?.sort(compareLinks);
  return links.sort(compareLinks);
}

/**
 * reconcilePairs for pairs by their keys, with the links by the same keys (in the links' order), and
 * the issuer's declarations that the scanners' reports leave out by their keys. Every pair given is
 * in one of the two maps, unless neither party declared it.
 */
export function reconcileKeyedPairs(
  pairs: ReadonlyMap<string, PairDeclarations>,
  periodOf: ReadonlyMap<string, string>,
  period: string,
): { links: StateLink[]; byKey: Map<string, StateLink>; omitted: Map<string, StateLink> } {
  const keys: string[] = [];
  const found: StateLink[] = [];
  const omitted = new Map<string, StateLink>();
  for (const [key, p] of pairs) {
    const link = reconciled(p, periodOf, period);
    if (!link) continue;
    if (leftOutByScanner(p, periodOf)) {
      omitted.set(key, link);
      continue;
    }
    keys.push(key);
    found.push(link);
  }
  // Sorted by position, so that each link keeps its key (no two links of a pair: no ties).
  const order = found.map((_, i) => i).sort((a, b) => compareLinks(found[a], found[b]));
  const byKey = new Map<string, StateLink>();
  for (const i of order) byKey.set(keys[i], found[i]);
  return { links: order.map((i) => found[i]), byKey, omitted };
}

/**
 * One pair's link: the scanner's declaration if it made one, else the issuer's; none when neither
 * party declared it. The issuer's is a link of the state only when the scanner has no as-of report
 * (callers set it apart otherwise: leftOutByScanner).
 */
function reconciled(
  { scanner, issuer, pair, scannerIn, issuerIn }: PairDeclarations,
  periodOf: ReadonlyMap<string, string>,
  period: string,
): StateLink | undefined {
  const chosen = scanner ?? issuer;
  if (!chosen) return undefined;
  const other = chosen === scanner && pair[0] !== pair[1] ? issuer : undefined;
  // An object literal, not a copy of the declaration (spread): a national rules run builds some
  // two million links, and copying them took most of its reconciliation.
  return {
    scanner: chosen.scanner,
    issuer: chosen.issuer,
    status: chosen.status,
    since: chosen.since,
    row: chosen.row,
    reconciliation: reconciliationOf(pair, scanner, issuer, periodOf, period),
    declaredIn: chosen === scanner ? scannerIn : issuerIn,
    otherStatus: other?.status,
    otherDeclaredIn: other ? issuerIn : undefined,
    otherRow: other?.row,
  };
}

/** A link as a view shows it: who chose its status, since when, and whether both parties agree. */
export interface LinkStatusCell {
  scanner: string;
  issuer: string;
  status: LinkStatus;
  since: string;
  reconciliation: Reconciliation;
}

/**
 * What reconcilePairs gives, without the evidence: each pair's status, since and reconciliation, in
 * the same order. Object literals instead of copies of the declarations: copying (spread) took
 * most of a national matrix's reconciliation.
 */
export function reconcileStatuses(
  pairs: Iterable<PairDeclarations>,
  periodOf: ReadonlyMap<string, string>,
  period: string,
): LinkStatusCell[] {
  const cells: LinkStatusCell[] = [];
  for (const p of pairs) {
    const { scanner, issuer, pair } = p;
    const chosen = scanner ?? issuer;
    if (!chosen || leftOutByScanner(p, periodOf)) continue;
    const reconciliation = reconciliationOf(pair, scanner, issuer, periodOf, period);
    cells.push({ scanner: chosen.scanner, issuer: chosen.issuer, status: chosen.status, since: chosen.since, reconciliation });
  }
  return cells.sort(compareLinks);
}

/** The order of a state's links: by scanner, then issuer. */
export function compareLinks(a: Declaration, b: Declaration): number {
  return a.scanner === b.scanner ? a.issuer.localeCompare(b.issuer) : a.scanner.localeCompare(b.scanner);
}

function reconciliationOf(
  [scannerId, issuerId]: [string, string],
  scanner: Declaration | undefined,
  issuer: Declaration | undefined,
  periodOf: ReadonlyMap<string, string>,
  period: string,
): Reconciliation {
  // An institution that recognises its own codes is both parties at once.
  if (scannerId === issuerId) return 'confirmed';
  if (scanner && issuer && scanner.status === issuer.status) return 'confirmed';
  const bothReported = periodOf.get(scannerId) === period && periodOf.get(issuerId) === period;
  return bothReported ? 'disputed' : 'unconfirmed';
}
