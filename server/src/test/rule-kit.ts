// Builds a rule's input from reports written in the test, without a database: the same state
// builder the engine uses, fed from memory.
import type { City } from '../contract/reference.js';
import type { Agreement, Link } from '../contract/reports.js';
import type { InstitutionInfo, RuleInput } from '../rules/rule.js';
import { CityFingerprints } from '../rules/fingerprints.js';
import { Wording } from '../rules/wording.js';
import { buildPeriodState, type PeriodState, type StoredLink } from '../state/period-state.js';
import { previousPeriod } from '../state/periods.js';
import type { AsOfReport } from '../state/repository.js';

const info = (id: string, name: string, nameZh: string, group: string, systemic: boolean): InstitutionInfo => ({
  id,
  name,
  nameZh,
  group,
  systemic,
  active: true,
});

/** Three systemic wallets of three groups, a bank inside XA's group, two independent banks. */
export const KIT_INSTITUTIONS: InstitutionInfo[] = [
  info('xa', 'XA Wallet', 'XA钱包', 'xa-group', true),
  info('xb', 'XB Wallet', 'XB钱包', 'xb-group', true),
  info('xc', 'XC Pay', 'XC支付', 'xc-group', true),
  info('xa-bank', 'XA Bank', 'XA银行', 'xa-group', false),
  info('bank1', 'Bank One', '一号银行', 'bank1', false),
  info('bank2', 'Bank Two', '二号银行', 'bank2', false),
];

const city = (code: string, name: string, nameZh: string): City => ({
  code,
  name,
  nameZh,
  province: `${code.slice(0, 2)}0000`,
  provinceName: '',
  provinceNameZh: '',
});
export const KIT_CITIES: City[] = [
  city('330100', 'Hangzhou', '杭州市'),
  city('110000', 'Beijing', '北京市'),
  city('440100', 'Guangzhou', '广州市'),
];

export interface KitReport {
  institution: string;
  period: string;
  links?: Link[];
  agreements?: Agreement[];
}

/** A live link in Hangzhou, mpm offline, since 2025-12-01, unless told otherwise. */
export function link(scanner: string, issuer: string, overrides: Partial<Link> = {}): Link {
  return { scanner, issuer, mode: 'mpm', channel: 'offline', city: '330100', status: 'live', since: '2025-12-01', ...overrides };
}

export function agreement(ref: string, counterparty: string, overrides: Partial<Agreement> = {}): Agreement {
  return {
    ref,
    counterparty,
    kind: 'clearing',
    exclusive: false,
    feeBps: 10,
    scope: { cities: ['*'], modes: ['mpm'], channels: ['offline'] },
    restrictions: [],
    effective: '2025-01-01',
    expires: null,
    ...overrides,
  };
}

export interface KitOptions {
  period: string;
  reports: KitReport[];
  institutions?: InstitutionInfo[];
  now?: Date;
}

/** Each report gets an id in order; a later report for the same (institution, period) is a new version. */
export function ruleInput({
  period,
  reports,
  institutions = KIT_INSTITUTIONS,
  now = new Date('2030-01-01T00:00:00Z'),
}: KitOptions): RuleInput {
  const stored = reports.map((r, i) => ({
    ...r,
    id: i + 1,
    version: reports.slice(0, i).filter((o) => o.institution === r.institution && o.period === r.period).length + 1,
  }));
  const latestVersion = stored.filter(
    (r) => !stored.some((o) => o.institution === r.institution && o.period === r.period && o.version > r.version),
  );
  const cities = KIT_CITIES.map((c) => c.code);
  const contents = {
    links: (id: number, scope: string): StoredLink[] =>
      (stored[id - 1].links ?? []).map((l, row) => ({ ...l, row })).filter((l) => `${l.mode}|${l.channel}` === scope),
    agreements: (id: number) => (stored[id - 1].agreements ?? []).map((a, row) => ({ ...a, row })),
  };
  const stateAt = (p: string): PeriodState => {
    const asOf = new Map<string, AsOfReport>();
    for (const r of latestVersion) {
      if (r.period > p) continue;
      const held = asOf.get(r.institution);
      if (!held || held.period < r.period)
        asOf.set(r.institution, { id: r.id, institution: r.institution, period: r.period, version: r.version });
    }
    return buildPeriodState(p, [...asOf.values()], cities, contents);
  };
  const reportedPeriods = new Map<string, Set<string>>();
  for (const r of reports)
    (reportedPeriods.get(r.institution) ?? reportedPeriods.set(r.institution, new Set()).get(r.institution)!).add(r.period);
  const infos = new Map(institutions.map((i) => [i.id, i]));
  return {
    period,
    state: stateAt(period),
    previous: stateAt(previousPeriod(period)),
    institutions: infos,
    reportedPeriods,
    latestPeriod: reports.map((r) => r.period).reduce((a, b) => (a > b ? a : b), period),
    now,
    say: new Wording(infos, new Map(KIT_CITIES.map((c) => [c.code, c]))),
    fingerprints: new CityFingerprints(),
  };
}
