// The state of links as of a period, from each institution's latest report: the scanner's word is
// authoritative, and every link says whether both parties agree. Pure; tested without a database.

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

export interface Declaration {
  scanner: string;
  issuer: string;
  status: LinkStatus;
  since: string;
  source?: LinkSource;
}

/** One institution's as-of report: its period and what it declares in the scope being looked at. */
export interface DeclaringReport {
  institution: string;
  period: string;
  declarations: Declaration[];
}

export interface StateLink extends Declaration {
  reconciliation: Reconciliation;
  /** The issuer's own declaration, when the scanner's was chosen and the issuer declared too. */
  otherSource?: LinkSource;
  otherStatus?: LinkStatus;
}

export function reconcileDeclarations(reports: readonly DeclaringReport[], period: string): StateLink[] {
  const reportOf = new Map(reports.map((r) => [r.institution, r]));
  const byPair = new Map<string, { scanner?: Declaration; issuer?: Declaration; pair: [string, string] }>();
  for (const report of reports) {
    for (const d of report.declarations) {
      const key = `${d.scanner}|${d.issuer}`;
      const entry = byPair.get(key) ?? { pair: [d.scanner, d.issuer] as [string, string] };
      if (report.institution === d.scanner) entry.scanner = d;
      if (report.institution === d.issuer) entry.issuer = d;
      byPair.set(key, entry);
    }
  }
  const links: StateLink[] = [];
  for (const { scanner, issuer, pair } of byPair.values()) {
    const chosen = scanner ?? issuer;
    if (!chosen) continue;
    const other = chosen === scanner && pair[0] !== pair[1] ? issuer : undefined;
    links.push({
      ...chosen,
      reconciliation: reconciliationOf(pair, scanner, issuer, reportOf, period),
      ...(other ? { otherStatus: other.status } : {}),
      ...(other?.source ? { otherSource: other.source } : {}),
    });
  }
  return links.sort((a, b) => (a.scanner === b.scanner ? a.issuer.localeCompare(b.issuer) : a.scanner.localeCompare(b.scanner)));
}

function reconciliationOf(
  [scannerId, issuerId]: [string, string],
  scanner: Declaration | undefined,
  issuer: Declaration | undefined,
  reportOf: Map<string, DeclaringReport>,
  period: string,
): Reconciliation {
  // An institution that recognises its own codes is both parties at once.
  if (scannerId === issuerId) return 'confirmed';
  if (scanner && issuer && scanner.status === issuer.status) return 'confirmed';
  const bothReported = reportOf.get(scannerId)?.period === period && reportOf.get(issuerId)?.period === period;
  return bothReported ? 'disputed' : 'unconfirmed';
}
