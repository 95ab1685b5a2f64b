import { describe, expect, it } from 'vitest';
import { distanceWithin, nearestKnownId } from './nearest-known-id.js';

/** The textbook Levenshtein distance, to hold the banded one to. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

describe('the nearest known id', () => {
  it('measures the same distance as Levenshtein’s within the limit, and none beyond it', () => {
    // Every pair of strings of up to 5 letters over {a, b}, each limit from 0 to 3.
    const words = [''];
    for (let n = 0; n < 5; n++) for (const w of words.filter((x) => x.length === n)) words.push(`${w}a`, `${w}b`);
    for (const a of words)
      for (const b of words)
        for (let limit = 0; limit <= 3; limit++) {
          const distance = levenshtein(a, b);
          expect(distanceWithin(a, b, limit)).toBe(distance <= limit ? distance : undefined);
        }
  });

  it('suggests the id fewest edits away, a few edits at most for its length', () => {
    const known = ['alipay', 'tenpay', 'unionpay', 'icbc', 'cmb'];
    expect(nearestKnownId('unionpy', known)).toBe('unionpay');
    expect(nearestKnownId('tenpai', known)).toBe('tenpay');
    expect(nearestKnownId('cmd', known)).toBe('cmb');
    expect(nearestKnownId('cbc', known)).toBe('icbc');
    expect(nearestKnownId('paypal', known)).toBeUndefined();
  });
});
