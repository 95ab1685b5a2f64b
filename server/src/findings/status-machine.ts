// The finding status machine of DESIGN.md: what a person may do, and what the system does itself.
export const STATUSES = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'] as const;
export type FindingStatus = (typeof STATUSES)[number];

/** Statuses of a finding still being worked on (the overview counts them). */
export const ACTIVE: ReadonlySet<FindingStatus> = new Set(['open', 'acknowledged', 'confirmed']);

/**
 * Statuses the system resolves when the condition stops holding. Not `confirmed`: that is the
 * central bank's conclusion, which only a person resolves (the system notes that the condition no
 * longer holds), so that a subject cannot undo it by correcting its report.
 */
export const SYSTEM_RESOLVES: ReadonlySet<FindingStatus> = new Set(['open', 'acknowledged']);

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
