// Who does not recognise one institution's codes in a matrix, and whose codes it does not recognise.
import type { Matrix } from '../core/api/api-types';
import { cellKey, type CellStatus } from './matrix-diff';

/** Another institution of the matrix and the status of the link with it: anything but "live" ("none" when no link is declared). */
export interface UnrecognisedLink {
  institution: string;
  status: Exclude<CellStatus, 'live'>;
  /** When the declared link took its status; null when there is no link. */
  since: string | null;
}

export interface NotRecognised {
  /** Scanners whose apps or devices do not recognise the institution's codes live. */
  scanners: UnrecognisedLink[];
  /** Issuers whose codes the institution's app or devices do not recognise live. */
  issuers: UnrecognisedLink[];
  /** How many other institutions the matrix holds: the "of n" of both lists. */
  others: number;
}

/**
 * Recognition means a live link (DESIGN: no link means not recognised; pilot, planned and
 * suspended links do not open codes to everyone). The institution's own codes are left out: the
 * question is who else does or does not open to it. Lists keep the matrix's institution order.
 */
export function notRecognised(matrix: Matrix, institution: string): NotRecognised {
  const cells = new Map(matrix.cells.map((c) => [cellKey(c.scanner, c.issuer), c]));
  const others = matrix.institutions.filter((id) => id !== institution);
  const unrecognised = (scanner: string, issuer: string, other: string): UnrecognisedLink[] => {
    const cell = cells.get(cellKey(scanner, issuer));
    if (cell?.status === 'live') return [];
    return [cell ? { institution: other, status: cell.status, since: cell.since } : { institution: other, status: 'none', since: null }];
  };
  return {
    scanners: others.flatMap((other) => unrecognised(other, institution, other)),
    issuers: others.flatMap((other) => unrecognised(institution, other, other)),
    others: others.length,
  };
}

/** The order a reader weighs the statuses in: closest to live first, no link last. */
export const UNRECOGNISED_ORDER: readonly UnrecognisedLink['status'][] = ['pilot', 'planned', 'suspended', 'none'];

/** How many links of a list have each status, in UNRECOGNISED_ORDER. */
export function countByStatus(links: readonly UnrecognisedLink[]): { status: UnrecognisedLink['status']; count: number }[] {
  return UNRECOGNISED_ORDER.map((status) => ({ status, count: links.filter((l) => l.status === status).length })).filter(
    (c) => c.count > 0,
  );
}
