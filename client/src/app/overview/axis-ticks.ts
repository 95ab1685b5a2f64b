/** The most month labels a phone-wide chart's axis holds without their rotated text overlapping. */
const NARROW_MOST_TICKS = 8;

/**
 * The x-axis labels a chart shows: all of them on a wide screen; on a phone every n-th, the last
 * one always among them, so that 24 months read "2020年1月 … 2021年12月" instead of a smudge.
 */
export function axisTicks(labels: readonly string[], narrow: boolean): string[] {
  if (!narrow || labels.length <= NARROW_MOST_TICKS) return [...labels];
  const step = Math.ceil(labels.length / NARROW_MOST_TICKS);
  const last = labels.length - 1;
  return labels.filter((_, i) => (last - i) % step === 0);
}
