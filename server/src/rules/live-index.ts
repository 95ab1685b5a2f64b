// Who recognises whom, live, in one group of cities: the view most link rules start from.
import type { StateLink } from '../state/reconcile.js';

export interface LiveIndex {
  /** issuer → scanners that recognise its codes live */
  scannersOf: Map<string, StateLink[]>;
  /** scanner → issuers whose codes it recognises live */
  issuersOf: Map<string, StateLink[]>;
}

const cache = new WeakMap<readonly StateLink[], LiveIndex>();

/** Memoised per link set: several rules read the same groups in one period. */
export function liveIndex(links: readonly StateLink[]): LiveIndex {
  const cached = cache.get(links);
  if (cached) return cached;
  const index: LiveIndex = { scannersOf: new Map(), issuersOf: new Map() };
  for (const l of links) {
    if (l.status !== 'live') continue;
    push(index.scannersOf, l.issuer, l);
    push(index.issuersOf, l.scanner, l);
  }
  cache.set(links, index);
  return index;
}

function push(map: Map<string, StateLink[]>, key: string, link: StateLink): void {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}
