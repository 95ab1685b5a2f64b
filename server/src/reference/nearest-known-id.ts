// "Did you mean unionpay?": the known id nearest to an unknown one, when it is near enough to be a
// typo. No edit-distance package is installed, and ids are short (slugs of at most 40 characters,
// six-digit city codes), so a banded Levenshtein distance does.

import type { Words } from '../text/words.js';

/** At most this many edits make a typo; farther ids are no suggestion (and cost nothing to rule out). */
const MAX_EDITS = 3;

/** Edits allowed for an id of this length: one per three characters, at least one, at most MAX_EDITS. */
function editsAllowed(id: string): number {
  return Math.min(MAX_EDITS, Math.max(1, Math.floor(id.length / 3)));
}

/** Two rows of the distance table, reused for every pair one lookup compares. */
interface Rows {
  previous: Int32Array;
  current: Int32Array;
}

function rowsFor(length: number): Rows {
  return { previous: new Int32Array(length + 1), current: new Int32Array(length + 1) };
}

/**
 * The Levenshtein distance of a and b if it is at most `limit`, else undefined. Only the band of
 * cells within `limit` of the diagonal is computed, and a row whose every cell exceeds the limit
 * ends the work: O(length × limit) per pair.
 */
export function distanceWithin(a: string, b: string, limit: number, rows: Rows = rowsFor(b.length)): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  if (rows.previous.length <= b.length) rows = rowsFor(b.length);
  const beyond = limit + 1;
  let { previous, current } = rows;
  // Row 0 within the band; the cell after it marks the band's edge (each row marks its own).
  const first = Math.min(b.length, limit);
  for (let j = 0; j <= first; j++) previous[j] = j;
  if (first < b.length) previous[first + 1] = beyond;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // Cells outside the band count as beyond the limit.
    current[0] = i <= limit ? i : beyond;
    if (from > 1) current[from - 1] = beyond;
    if (to < b.length) current[to + 1] = beyond;
    let best = current[0];
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let cell = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      if (previous[j] + 1 < cell) cell = previous[j] + 1;
      if (current[j - 1] + 1 < cell) cell = current[j - 1] + 1;
      if (cell > beyond) cell = beyond;
      current[j] = cell;
      if (cell < best) best = cell;
    }
    if (best > limit) return undefined;
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= limit ? previous[b.length] : undefined;
}

/** The known id fewest edits away from `unknown` (the first in `known`'s order on a tie), if any is near enough. */
export function nearestKnownId(unknown: string, known: Iterable<string>): string | undefined {
  let nearest: string | undefined;
  let limit = editsAllowed(unknown);
  const rows = rowsFor(unknown.length + MAX_EDITS);
  for (const id of known) {
    const distance = distanceWithin(unknown, id, limit, rows);
    if (distance === undefined) continue;
    nearest = id;
    // Later ids must be strictly nearer to replace this one.
    if (distance === 0) break;
    limit = distance - 1;
  }
  return nearest;
}

/** The words that follow an unknown id's problem: "; did you mean unionpay?", or nothing. */
export function didYouMean(near: string | undefined): Words {
  return near === undefined ? { en: '', zh: '' } : { en: `; did you mean ${near}?`, zh: `；您是否指 ${near}？` };
}
