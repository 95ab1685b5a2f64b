import { axisTicks } from './axis-ticks';

describe('axisTicks', () => {
  const months = Array.from({ length: 24 }, (_, i) => `m${i + 1}`);

  it('leaves every label to a wide chart', () => {
    expect(axisTicks(months, false)).toEqual(months);
  });

  it('keeps at most eight labels on a phone, the last month always among them', () => {
    const ticks = axisTicks(months, true);
    expect(ticks).toEqual(['m3', 'm6', 'm9', 'm12', 'm15', 'm18', 'm21', 'm24']);
  });

  it('keeps a short series whole on a phone', () => {
    expect(axisTicks(months.slice(0, 6), true)).toEqual(months.slice(0, 6));
  });
});
