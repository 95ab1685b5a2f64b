// The finding status machine of DESIGN.md: what a person may do, and what the system does itself.
export const STATUSES = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'] as const;
export type FindingStatus = (typeof STATUSES)[number];

/** Statuses the system resolves when the condition stops holding. */
export const ACTIVE: ReadonlySet<FindingStatus> = new Set(['open', 'acknowledged', 'confirmed']);

const MANUAL: Record<FindingStatus, readonly FindingStatus[]> = {
  open: ['acknowledged'],
  acknowledged: ['confirmed', 'dismissed'],
  confirmed: ['resolved'],
  dismissed: ['open'],
  resolved: [],
};

export function allowedTransitions(from: FindingStatus): readonly FindingStatus[] {
  return MANUAL[from];
}

export function mayTransition(from: FindingStatus, to: FindingStatus): boolean {
  return MANUAL[from].includes(to);
}

/** A dismissal and a manual resolution must say why. */
export function needsNote(to: FindingStatus): boolean {
  return to === 'dismissed' || to === 'resolved';
}
