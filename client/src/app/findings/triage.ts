// The status steps a person takes on a finding, as the client words and checks them before asking the server.
import type { FindingStatus } from '../core/api/api-types';

/** Status changes that need a reason in the history (the server answers 422 NOTE_REQUIRED without one). */
export const NOTE_REQUIRED: readonly FindingStatus[] = ['dismissed', 'resolved'];

/** The translation key of the button that moves a finding (or a case's findings) to each status. */
export const TRANSITION_LABELS: Record<FindingStatus, string> = {
  open: 'findings.detail.to.open',
  acknowledged: 'findings.detail.to.acknowledged',
  confirmed: 'findings.detail.to.confirmed',
  dismissed: 'findings.detail.to.dismissed',
  resolved: 'findings.detail.to.resolved',
};

/**
 * The status a finding must be in for a person to move it to each status: DESIGN's status machine
 * (server/src/findings/status-machine.ts), read backwards, so that a case's confirmation can say how
 * many of its findings will move before the server is asked. The server still decides, and its
 * answer says what moved.
 */
export const MOVES_FROM: Record<FindingStatus, FindingStatus | null> = {
  open: 'dismissed',
  acknowledged: 'open',
  confirmed: 'acknowledged',
  dismissed: 'acknowledged',
  resolved: 'confirmed',
};
