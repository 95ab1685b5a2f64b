import { describe, expect, it } from 'vitest';
import { exceedsDepth } from './json-depth.js';

describe('exceedsDepth', () => {
  it('counts containers, not values, and stops at the limit', () => {
    expect(exceedsDepth('text', 0)).toBe(false);
    expect(exceedsDepth({ a: 1 }, 1)).toBe(false);
    expect(exceedsDepth({ a: [1] }, 1)).toBe(true);
    expect(exceedsDepth({ agreements: [{ scope: { cities: ['*'] } }] }, 5)).toBe(false);
    expect(exceedsDepth({ agreements: [{ scope: { cities: ['*'] } }] }, 4)).toBe(true);
  });

  it('measures a nesting far deeper than the stack allows without overflowing', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(exceedsDepth(deep, 32)).toBe(true);
  });
});
