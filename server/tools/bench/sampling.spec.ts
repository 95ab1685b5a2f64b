import { describe, expect, it } from 'vitest';
import { medianBy } from './sampling.js';

describe('medianBy', () => {
  it('picks the run of median duration, whatever order the runs came in, with its other figures', () => {
    const runs = [
      { seconds: 9.1, peakRssMb: 400 },
      { seconds: 6.8, peakRssMb: 475 },
      { seconds: 8.6, peakRssMb: 446 },
    ];
    expect(medianBy(runs, (r) => r.seconds)).toEqual({ seconds: 8.6, peakRssMb: 446 });
  });

  it('takes the lower of the two middle items of an even count, and the only item of one', () => {
    expect(medianBy([4, 1, 3, 2], (n) => n)).toBe(2);
    expect(medianBy([7], (n) => n)).toBe(7);
  });
});
