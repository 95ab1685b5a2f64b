// The seed article's story as monthly reports from 2020-01: closed own-group acceptance first, then
// the Alipay–UnionPay roll-out city by city and nationwide, 28 banks scanning Alipay codes, WeChat Pay
// with UnionPay Cloud QuickPass. Agreements marked ILLUSTRATIVE are invented so that every rule has
// something to show; they describe no real contract.
import { periodsBetween } from '../state/periods.js';

export interface DemoLink {
  scanner: string;
  issuer: string;
  mode: 'mpm' | 'cpm';
  channel: 'offline' | 'online';
  city: string;
  status: 'live' | 'pilot' | 'planned' | 'suspended';
  since: string;
}

export interface DemoAgreement {
  ref: string;
  counterparty: string;
  kind: 'acceptance' | 'clearing' | 'technical' | 'marketing';
  exclusive: boolean;
  feeBps: number | null;
  scope: { cities: string[]; modes: ('mpm' | 'cpm')[]; channels: ('offline' | 'online')[] };
  restrictions: string[];
  effective: string;
  expires: string | null;
  text?: string;
}

export interface DemoReport {
  institution: string;
  period: string;
  links: DemoLink[];
  agreements: DemoAgreement[];
}

export const DEMO_FIRST_PERIOD = '2020-01';
export const DEMO_LAST_PERIOD = '2021-12';

/** The seven cities of the article where Alipay and UnionPay first recognised each other. */
export const ROLLOUT: { period: string; cities: string[] }[] = [
  { period: '2020-03', cities: ['110000', '120000'] },
  { period: '2020-05', cities: ['440100', '440300'] },
  { period: '2020-07', cities: ['510100', '500000'] },
  { period: '2020-09', cities: ['610100'] },
];
export const NATIONWIDE_PERIOD = '2021-03';
export const BANKS_SCAN_ALIPAY_PERIOD = '2021-04';
export const TENPAY_UNIONPAY_PERIOD = '2021-09';
/** An illustrative gap: this bank files no report for this month (LATE-001). */
export const MISSED_REPORT = { institution: 'bjrcb', period: '2021-05' };

const ALL = '*';

const firstDay = (period: string) => `${period}-01`;
const mutual = (a: string, b: string, rest: Omit<DemoLink, 'scanner' | 'issuer'>): DemoLink[] => [
  { scanner: a, issuer: b, ...rest },
  { scanner: b, issuer: a, ...rest },
];

/** Every link of the demo world in a period, as the scanner would declare it. */
export function worldLinks(period: string, banks: string[]): DemoLink[] {
  const links: DemoLink[] = [];
  const own = (id: string, mode: 'mpm' | 'cpm', channel: 'offline' | 'online') =>
    links.push({ scanner: id, issuer: id, mode, channel, city: ALL, status: 'live', since: '2019-01-01' });
  const inStore = (rest: Pick<DemoLink, 'city' | 'status' | 'since'>, a: string, b: string) =>
    (['mpm', 'cpm'] as const).flatMap((mode) => mutual(a, b, { mode, channel: 'offline', ...rest }));

  // Each platform's own codes everywhere, in store; before 2021, Ant Group's codes only inside Ant Group.
  for (const id of ['alipay', 'tenpay', 'unionpay']) {
    own(id, 'mpm', 'offline');
    own(id, 'cpm', 'offline');
  }
  links.push(...mutual('alipay', 'mybank', { mode: 'mpm', channel: 'offline', city: ALL, status: 'live', since: '2019-01-01' }));

  // UnionPay and the banks: the card network's QR codes, long open among themselves.
  for (const bank of banks) {
    links.push(...mutual('unionpay', bank, { mode: 'mpm', channel: 'offline', city: ALL, status: 'live', since: '2019-01-01' }));
  }

  // Alipay–UnionPay: pilots a month ahead, then live city by city, then nationwide.
  if (period >= NATIONWIDE_PERIOD) {
    links.push(...inStore({ city: ALL, status: 'live', since: firstDay(NATIONWIDE_PERIOD) }, 'alipay', 'unionpay'));
  } else {
    for (const step of ROLLOUT) {
      const pilotFrom = periodsBetween('2020-01', step.period).at(-2) ?? step.period;
      if (period < pilotFrom) continue;
      const status = period >= step.period ? 'live' : 'pilot';
      for (const city of step.cities) {
        links.push(...inStore({ city, status, since: firstDay(status === 'live' ? step.period : pilotFrom) }, 'alipay', 'unionpay'));
      }
    }
  }

  // The 28 banks and institutions whose apps scan Alipay codes.
  if (period >= '2021-03') {
    const status = period >= BANKS_SCAN_ALIPAY_PERIOD ? 'live' : 'pilot';
    for (const bank of banks) {
      if (bank === 'huaweipay' && period === '2021-08') {
        // Illustrative: withdrawn for a month, then restored (SUSP-001).
        links.push({
          scanner: bank,
          issuer: 'alipay',
          mode: 'mpm',
          channel: 'offline',
          city: ALL,
          status: 'suspended',
          since: '2021-08-01',
        });
        continue;
      }
      links.push({
        scanner: bank,
        issuer: 'alipay',
        mode: 'mpm',
        channel: 'offline',
        city: ALL,
        status,
        since: firstDay(status === 'live' ? BANKS_SCAN_ALIPAY_PERIOD : '2021-03'),
      });
    }
  }

  // WeChat Pay and UnionPay Cloud QuickPass offline; Cloud QuickPass pays Tencent's online top-ups
  // (Q coins, QQ Music, Tencent Video) without WeChat Pay reciprocating online.
  if (period >= TENPAY_UNIONPAY_PERIOD) {
    links.push(...inStore({ city: ALL, status: 'live', since: firstDay(TENPAY_UNIONPAY_PERIOD) }, 'tenpay', 'unionpay'));
    links.push({
      scanner: 'unionpay',
      issuer: 'tenpay',
      mode: 'mpm',
      channel: 'online',
      city: ALL,
      status: 'live',
      since: firstDay(TENPAY_UNIONPAY_PERIOD),
    });
  } else if (period >= '2021-07') {
    links.push({
      scanner: 'unionpay',
      issuer: 'tenpay',
      mode: 'mpm',
      channel: 'online',
      city: ALL,
      status: 'planned',
      since: '2021-07-01',
    });
  }
  return links;
}

const ILLUSTRATIVE = 'ILLUSTRATIVE clause, invented for the demo; not a real agreement.';
const everywhere = { cities: [ALL], modes: ['mpm' as const], channels: ['offline' as const] };

/** Illustrative agreements, each declared by both parties (the counterparty's copy charges no fee). */
export function worldAgreements(period: string, banks: string[]): (DemoAgreement & { reporter: string })[] {
  const list: (DemoAgreement & { reporter: string })[] = [
    {
      reporter: 'alipay',
      ref: 'ILLUSTRATIVE-ANT-OWN-GROUP',
      counterparty: 'mybank',
      kind: 'acceptance',
      exclusive: false,
      feeBps: null,
      scope: everywhere,
      restrictions: ['own-group-only'],
      effective: '2019-01-01',
      expires: '2020-12-31',
      text: `${ILLUSTRATIVE} Collection codes are accepted by group apps only.`,
    },
    {
      reporter: 'tenpay',
      ref: 'ILLUSTRATIVE-TENPAY-CGB-MKT',
      counterparty: 'cgb',
      kind: 'marketing',
      exclusive: true,
      feeBps: null,
      scope: everywhere,
      restrictions: ['no-competitor-codes'],
      effective: '2020-06-01',
      expires: null,
      text: `${ILLUSTRATIVE} Partner merchants display no competing payment codes.`,
    },
    {
      reporter: 'unionpay',
      ref: 'ILLUSTRATIVE-UP-ALIPAY-CLR',
      counterparty: 'alipay',
      kind: 'clearing',
      exclusive: false,
      feeBps: 30,
      scope: everywhere,
      restrictions: [],
      effective: '2020-03-01',
      expires: null,
      text: ILLUSTRATIVE,
    },
    {
      reporter: 'unionpay',
      ref: 'ILLUSTRATIVE-UP-ICBC-CLR',
      counterparty: 'icbc',
      kind: 'clearing',
      exclusive: false,
      feeBps: 5,
      scope: everywhere,
      restrictions: [],
      effective: '2019-01-01',
      expires: null,
      text: ILLUSTRATIVE,
    },
    {
      reporter: 'unionpay',
      ref: 'ILLUSTRATIVE-UP-TENPAY-CLR',
      counterparty: 'tenpay',
      kind: 'clearing',
      exclusive: false,
      feeBps: 6,
      scope: everywhere,
      restrictions: ['data-sharing-required'],
      effective: '2021-09-01',
      expires: null,
      text: `${ILLUSTRATIVE} Transaction data is shared with the network.`,
    },
  ];
  const inForce = list.filter((a) => a.effective <= `${period}-31` && (a.expires === null || a.expires >= `${period}-01`));
  return inForce.filter((a) => banks.includes(a.counterparty) || ['alipay', 'tenpay', 'unionpay', 'mybank'].includes(a.counterparty));
}

/** One report per institution per period: every link it is party to, every agreement it signed. */
export function demoReports(institutions: string[]): DemoReport[] {
  const platforms = new Set(['alipay', 'tenpay', 'unionpay', 'mybank']);
  const banks = institutions.filter((id) => !platforms.has(id));
  const reports: DemoReport[] = [];
  for (const period of periodsBetween(DEMO_FIRST_PERIOD, DEMO_LAST_PERIOD)) {
    const links = worldLinks(period, banks);
    const agreements = worldAgreements(period, banks);
    for (const institution of institutions) {
      if (institution === MISSED_REPORT.institution && period === MISSED_REPORT.period) continue;
      const own = links.filter((l) => l.scanner === institution || l.issuer === institution).map((l) => declaredBy(institution, l, period));
      const signed = agreements.flatMap(({ reporter, ...a }): DemoAgreement[] => {
        if (reporter === institution) return [a];
        if (a.counterparty === institution) return [{ ...a, ref: `${a.ref}-COPY`, counterparty: reporter, feeBps: null }];
        return [];
      });
      reports.push({ institution, period, links: own, agreements: signed });
    }
  }
  return reports;
}

/** Illustrative disagreement (CONS-001): from 2021-06 CMB still calls its scanning of Alipay codes a pilot. */
function declaredBy(institution: string, link: DemoLink, period: string): DemoLink {
  if (institution === 'cmb' && link.scanner === 'cmb' && link.issuer === 'alipay' && period >= '2021-06' && link.status === 'live') {
    return { ...link, status: 'pilot' };
  }
  return link;
}
