import type { Matrix } from '../core/api/api-types';
import type { MatrixCell } from './matrix-cells';

export type CellStatus = MatrixCell['status'] | 'none';

/** A scanner × issuer cell whose status differs between two periods. */
export interface CellChange {
  scanner: string;
  issuer: string;
  before: CellStatus;
  after: CellStatus;
}

/** "scanner|issuer", the key of a cell in both matrices. */
export const cellKey = (scanner: string, issuer: string) => `${scanner}|${issuer}`;

/** Every institution of either matrix, in the later matrix's order, then any only the earlier one has. */
export function unionOfInstitutions(before: Matrix, after: Matrix): string[] {
  const seen = new Set(after.institutions);
  return [...after.institutions, ...before.institutions.filter((id) => !seen.has(id))];
}

/** The cells whose status changed from one matrix to the other ("none" when a link is absent), by scanner then issuer. */
export function changedCells(before: Matrix, after: Matrix): CellChange[] {
  const statusIn = (m: Matrix) => new Map(m.cells.map((c) => [cellKey(c.scanner, c.issuer), c.status as CellStatus]));
  const was = statusIn(before);
  const is = statusIn(after);
  const keys = new Set([...was.keys(), ...is.keys()]);
  const changes: CellChange[] = [];
  for (const key of keys) {
    const b = was.get(key) ?? 'none';
    const a = is.get(key) ?? 'none';
    if (a === b) continue;
    const [scanner, issuer] = key.split('|');
    changes.push({ scanner, issuer, before: b, after: a });
  }
  return changes.sort((x, y) => x.scanner.localeCompare(y.scanner) || x.issuer.localeCompare(y.issuer));
}

/**
 * The time-lapse's news: the cells of `current` that changed since the frame shown before it, when
 * that frame is another period of the same city, mode and channel; null when there is nothing to
 * compare with (the first frame, or a changed filter: every cell would look new).
 */
export function changedSinceFrame(previous: Matrix | undefined, current: Matrix): CellChange[] | null {
  if (!previous || previous.period === current.period) return null;
  if (previous.city !== current.city || previous.mode !== current.mode || previous.channel !== current.channel) return null;
  return changedCells(previous, current);
}
