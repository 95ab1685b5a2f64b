// Turns the world into the reports institutions would send: for each period, every link in which
// the institution is scanner or issuer (as it declares it) and every agreement in force it is party
// to. No chance here: the world already holds every draw.
import type { Agreement, Link, ReportInput } from '../../src/contract/reports.js';
import { inForce } from '../../src/state/period-state.js';
import { dayOf, type Relationship, type World } from './world.js';

/** The rows a relationship is declared with in period index t, as its scanner declares them. */
export function relationshipRows(rel: Relationship, t: number, firstPeriod: string): Link[] {
  if (t < rel.start) return [];
  const base = { scanner: rel.scanner, issuer: rel.issuer, mode: rel.mode, channel: rel.channel };
  const liveFrom = rel.start + rel.pilotMonths;
  if (rel.suspended && t >= rel.suspended.from && t <= rel.suspended.to) {
    const since = dayOf(firstPeriod, rel.suspended.from);
    return rel.cities
      ? rel.cities.map((city) => ({ ...base, city, status: 'suspended', since }))
      : [{ ...base, city: '*', status: 'suspended', since }];
  }
  // Back from a suspension, the link is live again since the month it resumed.
  const resumed = rel.suspended && t > rel.suspended.to ? rel.suspended.to + 1 : null;
  if (!rel.cities) {
    return t < liveFrom
      ? [{ ...base, city: '*', status: 'pilot', since: dayOf(firstPeriod, rel.start) }]
      : [{ ...base, city: '*', status: 'live', since: dayOf(firstPeriod, resumed ?? liveFrom) }];
  }
  const cities = rel.cities;
  const allLiveAt = liveFrom + Math.ceil(cities.length / rel.ratePerMonth) - 1;
  if (rel.nationwideAfterRollout && t > allLiveAt)
    return [{ ...base, city: '*', status: 'live', since: dayOf(firstPeriod, resumed ?? allLiveAt + 1) }];
  const rows: Link[] = [];
  for (let i = 0; i < cities.length; i++) {
    // City i goes live in month liveFrom + ⌊i / rate⌋ after a month's pilot (the first city pilots for the whole pilot period).
    const liveAt = liveFrom + Math.floor(i / rel.ratePerMonth);
    const pilotAt = i === 0 ? rel.start : liveAt - 1;
    if (t >= liveAt)
      rows.push({
        ...base,
        city: cities[i],
        status: 'live',
        since: dayOf(firstPeriod, resumed !== null && resumed > liveAt ? resumed : liveAt),
      });
    else if (t >= pilotAt) rows.push({ ...base, city: cities[i], status: 'pilot', since: dayOf(firstPeriod, pilotAt) });
    else break;
  }
  return rows;
}

/** The issuer's own declaration: a disputed relationship it still calls a pilot. */
function asIssuerDeclares(rel: Relationship, row: Link, t: number): Link {
  return rel.disputedFrom !== null && t >= rel.disputedFrom && row.status === 'live' ? { ...row, status: 'pilot' } : row;
}

/** Every report of period index t, in institution order (institutions that miss the month file none). */
export function reportsOfPeriod(world: World, t: number): ReportInput[] {
  const first = world.periods[0];
  const period = world.periods[t];
  const links = new Map<string, Link[]>(world.institutions.map((i) => [i.id, []]));
  for (const rel of world.relationships) {
    for (const row of relationshipRows(rel, t, first)) {
      links.get(rel.scanner)!.push(row);
      if (rel.issuer !== rel.scanner) links.get(rel.issuer)!.push(asIssuerDeclares(rel, row, t));
    }
  }
  const agreements = new Map<string, Agreement[]>(world.institutions.map((i) => [i.id, []]));
  for (const { reporter, ...a } of world.agreements) {
    if (!inForce(a, period)) continue;
    agreements.get(reporter)!.push(a);
    // The counterparty declares the same agreement under its own ref, charging nothing.
    agreements.get(a.counterparty)!.push({ ...a, ref: `${a.ref}-COPY`, counterparty: reporter, feeBps: null });
  }
  return world.institutions
    .filter((i) => !world.missedReports.get(i.id)?.has(t))
    .map((i) => ({ institution: i.id, period, links: links.get(i.id)!, agreements: agreements.get(i.id)! }));
}
