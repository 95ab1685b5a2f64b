// A period state for the live-index and live-count specs: each institution declares its links for
// every city ('*'), and Shanghai and Guangzhou say otherwise in rows of their own.
import { buildPeriodState, type StoredLink } from '../state/period-state.js';

const link = (scanner: string, issuer: string, city: string, status: StoredLink['status'] = 'live'): StoredLink => ({
  row: 0,
  scanner,
  issuer,
  city,
  status,
  since: '2021-01-01',
});

export const OVERLAY_CITIES = ['110000', '310000', '440100'];

const declared: Record<string, StoredLink[]> = {
  acq: [link('acq', 'net', '310000')],
  // Shanghai: the first scanner of the wallet's codes is suspended there, and a new scanner (acq) comes first.
  bank: [link('bank', 'wallet', '*'), link('bank', 'wallet', '310000', 'suspended')],
  net: [link('net', 'bank', '*'), link('net', 'wallet', '*')],
  // Guangzhou: the wallet scans nothing live there, and a new issuer's codes in pilot only.
  wallet: [
    link('wallet', 'net', '*'),
    link('wallet', 'wallet', '*'),
    link('wallet', 'net', '440100', 'suspended'),
    link('wallet', 'wallet', '440100', 'planned'),
    link('wallet', 'zeta', '440100', 'pilot'),
  ],
};

/** The state of 2021-06 in mpm offline (the other modes and channels are empty). */
export function overlayState() {
  const reports = Object.keys(declared).map((institution, i) => ({ id: i + 1, institution, period: '2021-06', version: 1 }));
  return buildPeriodState('2021-06', reports, OVERLAY_CITIES, {
    links: (id, scope) => (scope === 'mpm|offline' ? declared[reports[id - 1].institution] : []),
    agreements: () => [],
  });
}
