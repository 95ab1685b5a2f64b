import type { Matrix } from '../core/api/api-types';
import { LINK_STATUS_LABELS } from '../core/i18n/domain-labels';
import type { Scheme } from '../core/theme/color-scheme';

export type MatrixCell = Matrix['cells'][number];

/** Heat-map values: no link lowest, live highest, so colour reads as "how open". */
export const STATUS_VALUE: Record<MatrixCell['status'] | 'none', number> = { none: 0, suspended: 1, planned: 2, pilot: 3, live: 4 };

/** One colour per value above, for each scheme: "no link" recedes into the surface, "live" stands out. */
export const STATUS_COLOURS: Record<Scheme, string[]> = {
  light: ['#eceff1', '#e57373', '#ffd54f', '#90caf9', '#2e7d32'],
  dark: ['#37474f', '#ef5350', '#fbc02d', '#42a5f5', '#66bb6a'],
};

/** The legend, strongest first; labels are translation keys. */
export const STATUS_LEGEND: { status: keyof typeof STATUS_VALUE; label: string }[] = (
  ['live', 'pilot', 'planned', 'suspended', 'none'] as const
).map((status) => ({
  status,
  label: LINK_STATUS_LABELS[status],
}));
