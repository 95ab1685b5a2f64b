import type { Matrix } from '../core/api/api-types';

export type MatrixCell = Matrix['cells'][number];

/** Heat-map values: no link lowest, live highest, so colour reads as "how open". */
export const STATUS_VALUE: Record<MatrixCell['status'] | 'none', number> = { none: 0, suspended: 1, planned: 2, pilot: 3, live: 4 };
export const STATUS_COLOURS = ['#eceff1', '#e57373', '#ffd54f', '#90caf9', '#2e7d32'];
export const STATUS_LEGEND: { status: keyof typeof STATUS_VALUE; label: string }[] = [
  { status: 'live', label: 'live' },
  { status: 'pilot', label: 'pilot' },
  { status: 'planned', label: 'planned' },
  { status: 'suspended', label: 'suspended' },
  { status: 'none', label: 'not recognised' },
];
