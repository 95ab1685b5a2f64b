// Openness of one institution in a link set: of the other institutions present, how many issuers'
// codes it recognises live as scanner, and how many scanners recognise its codes live. Pure.
import type { StateLink } from '../state/reconcile.js';

export interface ShareCount {
  share: number | null;
  count: number;
  of: number;
}

export interface OpennessFigure {
  /** Whether the institution takes part in any live link here (as scanner or issuer). */
  present: boolean;
  recognises: ShareCount;
  recognisedBy: ShareCount;
}

type LinkFacts = Pick<StateLink, 'scanner' | 'issuer' | 'status'>;

export function shareOf(count: number, of: number): ShareCount {
  return { share: of > 0 ? count / of : null, count, of };
}

/**
 * Presence is read from live links only: an issuer is present where some scanner (itself included)
 * recognises its codes live, a scanner where it recognises some issuer's codes live. `eligible`
 * holds the institutions that may count as others (the active ones).
 */
export function opennessIn(links: readonly LinkFacts[], subject: string, eligible: ReadonlySet<string>): OpennessFigure {
  const live = links.filter((l) => l.status === 'live');
  const isOther = (id: string) => id !== subject && eligible.has(id);
  const otherIssuers = new Set(live.map((l) => l.issuer).filter(isOther));
  const otherScanners = new Set(live.map((l) => l.scanner).filter(isOther));
  const recognised = new Set(live.filter((l) => l.scanner === subject && otherIssuers.has(l.issuer)).map((l) => l.issuer));
  const recognisers = new Set(live.filter((l) => l.issuer === subject && otherScanners.has(l.scanner)).map((l) => l.scanner));
  return {
    present: live.some((l) => l.scanner === subject || l.issuer === subject),
    recognises: shareOf(recognised.size, otherIssuers.size),
    recognisedBy: shareOf(recognisers.size, otherScanners.size),
  };
}

/** The mean of cities' shares, each city weighted equally (cities with nothing to count left out); counts summed. */
export function meanShare(parts: Iterable<{ share: ShareCount; cities: number }>): ShareCount {
  let sum = 0;
  let counted = 0;
  let count = 0;
  let of = 0;
  for (const { share, cities } of parts) {
    count += share.count * cities;
    of += share.of * cities;
    if (share.share === null) continue;
    sum += share.share * cities;
    counted += cities;
  }
  return { share: counted > 0 ? sum / counted : null, count, of };
}
