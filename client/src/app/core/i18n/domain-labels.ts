// Translation keys of the domain's words, one record per enumeration of the API. The records are
// typed by the contract, so a new value fails the build until it has a key, and the keys are
// literals, so translations.spec.ts can check that each one exists.
import type {
  AgreementView,
  Channel,
  FindingStatus,
  InstitutionKind,
  LinkStatus,
  Mode,
  Reconciliation,
  Role,
  Severity,
} from '../api/api-types';

export const LINK_STATUS_LABELS: Record<LinkStatus | 'none', string> = {
  live: 'linkStatus.live',
  pilot: 'linkStatus.pilot',
  planned: 'linkStatus.planned',
  suspended: 'linkStatus.suspended',
  none: 'linkStatus.none',
};

export const RECONCILIATION_LABELS: Record<Reconciliation, string> = {
  confirmed: 'reconciliation.confirmed',
  disputed: 'reconciliation.disputed',
  unconfirmed: 'reconciliation.unconfirmed',
};

/** `short` for running text ("mpm" / "商户码"), `long` for controls ("Merchant-presented (mpm)"). */
export const MODE_LABELS: Record<Mode, { short: string; long: string }> = {
  mpm: { short: 'mode.mpm.short', long: 'mode.mpm.long' },
  cpm: { short: 'mode.cpm.short', long: 'mode.cpm.long' },
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  offline: 'channel.offline',
  online: 'channel.online',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  high: 'severity.high',
  medium: 'severity.medium',
  low: 'severity.low',
};

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'findingStatus.open',
  acknowledged: 'findingStatus.acknowledged',
  confirmed: 'findingStatus.confirmed',
  dismissed: 'findingStatus.dismissed',
  resolved: 'findingStatus.resolved',
};

export const ROLE_LABELS: Record<Role, string> = {
  analyst: 'role.analyst',
  auditor: 'role.auditor',
  institution: 'role.institution',
  admin: 'role.admin',
};

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  wallet: 'institutionKind.wallet',
  bank: 'institutionKind.bank',
  network: 'institutionKind.network',
  other: 'institutionKind.other',
};

export const AGREEMENT_KIND_LABELS: Record<AgreementView['kind'], string> = {
  acceptance: 'agreementKind.acceptance',
  clearing: 'agreementKind.clearing',
  technical: 'agreementKind.technical',
  marketing: 'agreementKind.marketing',
};

export const RESTRICTION_LABELS: Record<AgreementView['restrictions'][number], string> = {
  'own-group-only': 'restriction.ownGroupOnly',
  'no-competitor-codes': 'restriction.noCompetitorCodes',
  steering: 'restriction.steering',
  'data-sharing-required': 'restriction.dataSharingRequired',
  'minimum-volume': 'restriction.minimumVolume',
  tying: 'restriction.tying',
};
