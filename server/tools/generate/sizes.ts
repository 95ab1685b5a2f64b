// The named sizes of generated histories, shared by `npm run generate` and `npm run bench`.
import type { WorldParams } from './world.js';

export const SIZE_NAMES = ['small', 'medium', 'national'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

/** What to generate: the demo story (small) or a synthetic world of the given dimensions. */
export type GenerateSpec = { kind: 'demo' } | { kind: 'world'; params: WorldParams };

/** Cities beyond the registry's ~340 mean "every city". */
export const EVERY_CITY = 10_000;

export const MEDIUM = { institutions: 50, cities: 100, periods: 24 };
export const NATIONAL = { institutions: 200, cities: EVERY_CITY, periods: 60 };

export function sizeSpec(size: SizeName, seed: number): GenerateSpec {
  switch (size) {
    case 'small':
      return { kind: 'demo' };
    case 'medium':
      return { kind: 'world', params: { ...MEDIUM, seed } };
    case 'national':
      return { kind: 'world', params: { ...NATIONAL, seed } };
  }
}

/** A name for files holding this spec's database. */
export function specLabel(spec: GenerateSpec): string {
  if (spec.kind === 'demo') return 'demo';
  const { institutions, cities, periods, seed } = spec.params;
  return `i${institutions}-c${cities >= EVERY_CITY ? 'all' : cities}-p${periods}-s${seed}`;
}
