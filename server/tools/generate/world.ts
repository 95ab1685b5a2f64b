// The synthetic world a generated history tells: who the institutions are (a few systemic wallets
// and networks with their groups, national and regional banks, other payment firms), which cities
// they serve, and, drawn once from the seed, every relationship's schedule: city-by-city roll-outs
// between systemic platforms, banks' apps starting to scan the wallets' codes, suspensions,
// disagreements between the parties, missed reports and agreements (a few exclusive or
// discriminatory). Reports are derived from it without further chance (see report-builder.ts).
import type { Institution } from '../../src/contract/reference.js';
import type { Agreement, Link } from '../../src/contract/reports.js';
import { buildCityRegistry, type City } from '../../src/reference/city-registry.js';
import { ROLLOUT } from '../../src/seed/demo-story.js';
import { Prng } from './prng.js';

export interface WorldParams {
  institutions: number;
  /** How many cities take part in roll-outs and regional banking; at least the registry's size means all. */
  cities: number;
  periods: number;
  seed: number;
  /** The first period of the history (default 2019-01, so that every size ends in the past). */
  firstPeriod?: string;
}

type Mode = Link['mode'];
type Channel = Link['channel'];

/**
 * A directed family of links (scanner recognises issuer's codes in one mode and channel) and its
 * schedule, in period indices: a pilot from `start`, then live in `ratePerMonth` more of its cities
 * each month; with `cities` null it is declared for every city ('*') at once.
 */
export interface Relationship {
  scanner: string;
  issuer: string;
  mode: Mode;
  channel: Channel;
  cities: readonly string[] | null;
  start: number;
  pilotMonths: number;
  ratePerMonth: number;
  /** Once live in all its cities, declared for every city ('*'): the roll-out became nationwide. */
  nationwideAfterRollout: boolean;
  suspended: { from: number; to: number } | null;
  /** From this period the issuer still calls the live link a pilot (the parties disagree). */
  disputedFrom: number | null;
}

export interface WorldAgreement extends Agreement {
  reporter: string;
}

export interface World {
  periods: readonly string[];
  institutions: readonly Institution[];
  cities: readonly City[];
  relationships: readonly Relationship[];
  agreements: readonly WorldAgreement[];
  /** Period indices for which an institution files nothing (LATE-001). */
  missedReports: ReadonlyMap<string, ReadonlySet<number>>;
}

/** Every size starts here, so that even the national 60 months end in the past. */
export const DEFAULT_FIRST_PERIOD = '2019-01';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function periodAt(first: string, index: number): string {
  const [y, m] = first.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + index, 1)).toISOString().slice(0, 7);
}

export const dayOf = (first: string, index: number) => `${periodAt(first, index)}-01`;

interface Cast {
  institutions: Institution[];
  /** Home cities of regional banks; national institutions have none. */
  home: Map<string, string[]>;
  wallets: string[];
  networks: string[];
  /** Systemic wallets' group members that are not systemic (a wallet's own bank). */
  affiliates: Map<string, string[]>;
  /** Banks and other payment firms (everyone not systemic and not an affiliate). */
  members: string[];
}

/** Systemic platforms grow slowly with the size: 3 for a handful of institutions, 8 at most. */
function systemicCount(n: number): number {
  return Math.min(8, Math.max(3, Math.round(n / 30) + 2));
}

function castInstitutions(prng: Prng, n: number, cities: readonly City[]): Cast {
  const institutions: Institution[] = [];
  const home = new Map<string, string[]>();
  const wallets: string[] = [];
  const networks: string[] = [];
  const affiliates = new Map<string, string[]>();
  const members: string[] = [];
  const systemic = Math.min(n, systemicCount(n));
  const networkCount = systemic >= 6 ? 2 : 1;
  for (let i = 1; i <= systemic; i++) {
    const isNetwork = i <= networkCount;
    const id = isNetwork ? `network-${pad(i, 2)}` : `wallet-${pad(i - networkCount, 2)}`;
    (isNetwork ? networks : wallets).push(id);
    institutions.push({
      id,
      name: isNetwork ? `Synthetic Card Network ${pad(i, 2)}` : `Synthetic Wallet ${pad(i - networkCount, 2)}`,
      nameZh: isNetwork ? `合成卡组织${pad(i, 2)}` : `合成钱包${pad(i - networkCount, 2)}`,
      kind: isNetwork ? 'network' : 'wallet',
      group: `${id}-group`,
      systemic: true,
      active: true,
    });
  }
  // Half of the wallets own a bank of their group (as Ant Group owns MYbank).
  for (const wallet of wallets.slice(0, Math.ceil(wallets.length / 2))) {
    if (institutions.length >= n) break;
    const id = `${wallet}-bank`;
    affiliates.set(wallet, [id]);
    institutions.push({
      id,
      name: `${wallet} Bank`,
      nameZh: `${wallet}银行`,
      kind: 'bank',
      group: `${wallet}-group`,
      systemic: false,
      active: true,
    });
  }
  const provinces = [...new Set(cities.map((c) => c.province))];
  let previousGroup = '';
  for (let i = 1; institutions.length < n; i++) {
    const other = i % 20 === 0;
    const id = other ? `pay-${pad(i, 3)}` : `bank-${pad(i, 3)}`;
    // Every eighth bank belongs to the previous one's holding group.
    const group = i % 8 === 0 && previousGroup ? previousGroup : `${id}-group`;
    previousGroup = group;
    members.push(id);
    institutions.push({
      id,
      name: other ? `Synthetic Payments ${pad(i, 3)}` : `Synthetic Bank ${pad(i, 3)}`,
      nameZh: other ? `合成支付${pad(i, 3)}` : `合成银行${pad(i, 3)}`,
      kind: other ? 'other' : 'bank',
      group,
      systemic: false,
      active: true,
    });
    // The first ten are national banks; most of the rest are city commercial banks of one province.
    if (i > 10 && prng.chance(0.65)) {
      const province = prng.pick(provinces);
      const inProvince = cities.filter((c) => c.province === province).map((c) => c.code);
      home.set(id, inProvince.slice(0, 12));
    }
  }
  return { institutions, home, wallets, networks, affiliates, members };
}

/** The cities that take part: the article's first seven, then a seeded draw from the registry. */
function chooseCities(prng: Prng, registry: readonly City[], count: number): City[] {
  const first = new Set(ROLLOUT.flatMap((s) => s.cities));
  const lead = registry.filter((c) => first.has(c.code));
  const rest = prng.shuffled(registry.filter((c) => !first.has(c.code)));
  return [...lead, ...rest].slice(0, Math.max(1, Math.min(count, registry.length)));
}

const everywhere = (mode: Mode, channel: Channel) => ({
  mode,
  channel,
  cities: null,
  pilotMonths: 0,
  ratePerMonth: 1,
  nationwideAfterRollout: false,
  suspended: null,
  disputedFrom: null,
});

export function buildWorld(params: WorldParams): World {
  const prng = new Prng(params.seed);
  const firstPeriod = params.firstPeriod ?? DEFAULT_FIRST_PERIOD;
  const last = params.periods - 1;
  const periods = Array.from({ length: params.periods }, (_, i) => periodAt(firstPeriod, i));
  const cities = chooseCities(prng, buildCityRegistry(), params.cities);
  const codes = cities.map((c) => c.code);
  const cast = castInstitutions(prng, params.institutions, cities);
  const groupOf = new Map(cast.institutions.map((i) => [i.id, i.group]));
  const relationships: Relationship[] = [];
  const agreements: WorldAgreement[] = [];
  const before = '2018-01-01';
  const expiresAfter = (index: number, months: number) => (index + months <= last ? dayOf(firstPeriod, index + months) : null);

  // Every platform recognises its own codes everywhere; banks' apps their own collection codes.
  for (const inst of cast.institutions) {
    const scopes: [Mode, Channel][] = inst.systemic
      ? [
          ['mpm', 'offline'],
          ['cpm', 'offline'],
          ['mpm', 'online'],
        ]
      : [['mpm', 'offline']];
    for (const [mode, channel] of scopes) relationships.push({ scanner: inst.id, issuer: inst.id, start: 0, ...everywhere(mode, channel) });
  }

  // Members of one group recognise each other's codes, and before interconnection only those.
  const groups = new Map<string, string[]>();
  for (const inst of cast.institutions) (groups.get(inst.group) ?? groups.set(inst.group, []).get(inst.group)!).push(inst.id);
  for (const members of groups.values()) {
    for (const a of members)
      for (const b of members) if (a !== b) relationships.push({ scanner: a, issuer: b, start: 0, ...everywhere('mpm', 'offline') });
  }

  // Systemic platforms of different groups open to each other pair by pair, city by city; some
  // pairs never do (closed groups), some lag in one direction (non-reciprocal for a while).
  const systemic = [...cast.networks, ...cast.wallets];
  const firstOpening = new Map<string, number>();
  for (let i = 0; i < systemic.length; i++) {
    for (let j = i + 1; j < systemic.length; j++) {
      const [a, b] = [systemic[i], systemic[j]];
      if (groupOf.get(a) === groupOf.get(b) || !prng.chance(0.8)) continue;
      const start = prng.int(1, Math.max(1, Math.floor(last * 0.7)));
      const pilotMonths = prng.int(1, 2);
      const order = [...codes.slice(0, 7), ...prng.shuffled(codes.slice(7))];
      const ratePerMonth = Math.max(1, Math.ceil(order.length / prng.int(4, 18)));
      const nationwideAfterRollout = prng.chance(0.8);
      const lag = prng.chance(0.3) ? prng.int(1, 6) : 0;
      const cpmDelay = prng.int(0, 3);
      for (const [scanner, issuer, delay] of [
        [a, b, 0],
        [b, a, lag],
      ] as const) {
        for (const [mode, extra] of [
          ['mpm', 0],
          ['cpm', cpmDelay],
        ] as const) {
          const s = start + delay + extra;
          if (s > last) continue;
          relationships.push({
            scanner,
            issuer,
            mode,
            channel: 'offline',
            cities: order,
            start: s,
            pilotMonths,
            ratePerMonth,
            nationwideAfterRollout,
            suspended: null,
            disputedFrom: null,
          });
        }
      }
      // Online top-ups: one side pays the other's in-app purchases, without reciprocating.
      if (prng.chance(0.3))
        relationships.push({
          scanner: a,
          issuer: b,
          start: Math.min(last, start + prng.int(0, 6)),
          ...everywhere('mpm', 'online'),
          pilotMonths: 1,
        });
      agreements.push({
        reporter: a,
        ref: `TECH-${a}-${b}`,
        counterparty: b,
        kind: 'technical',
        exclusive: false,
        feeBps: null,
        scope: { cities: ['*'], modes: ['mpm', 'cpm'], channels: ['offline'] },
        restrictions: [],
        effective: dayOf(firstPeriod, start),
        expires: null,
        text: 'Synthetic interconnection agreement.',
      });
      for (const w of [a, b]) firstOpening.set(w, Math.min(firstOpening.get(w) ?? last, start));
    }
  }

  // A wallet's acceptance confined to its own group until it first opens up (EXCL-002).
  for (const [wallet, own] of cast.affiliates) {
    for (const bank of own) {
      agreements.push({
        reporter: wallet,
        ref: `ACC-${wallet}-${bank}`,
        counterparty: bank,
        kind: 'acceptance',
        exclusive: false,
        feeBps: null,
        scope: { cities: ['*'], modes: ['mpm'], channels: ['offline'] },
        restrictions: ['own-group-only'],
        effective: before,
        expires: expiresAfter(firstOpening.get(wallet) ?? last, 0),
        text: 'Synthetic clause: collection codes are accepted by group apps only.',
      });
    }
  }

  // The card networks and the banks: long open to each other, regional banks in their own cities.
  for (const network of cast.networks) {
    for (const member of cast.members) {
      const cities = cast.home.get(member) ?? null;
      const rate = cities?.length ?? 1;
      const suspended = prng.chance(0.02) ? suspension(prng, 1, last) : null;
      relationships.push({
        scanner: network,
        issuer: member,
        start: 0,
        ...everywhere('mpm', 'offline'),
        cities,
        ratePerMonth: rate,
        suspended,
      });
      relationships.push({ scanner: member, issuer: network, start: 0, ...everywhere('mpm', 'offline'), cities, ratePerMonth: rate });
      const high = prng.chance(0.03);
      const restricted = prng.chance(0.02);
      agreements.push({
        reporter: network,
        ref: `CLR-${network}-${member}`,
        counterparty: member,
        kind: 'clearing',
        exclusive: false,
        feeBps: high ? prng.int(25, 40) : prng.int(4, 8),
        scope: { cities: cities ?? ['*'], modes: ['mpm'], channels: ['offline'] },
        restrictions: restricted ? [prng.pick(['minimum-volume', 'steering', 'tying', 'data-sharing-required'] as const)] : [],
        effective: before,
        expires: null,
        text: 'Synthetic clearing agreement.',
      });
    }
  }

  // Banks' apps start scanning the wallets' codes at their own pace; a few pause, a few disagree
  // with the wallet about the status, a few sign exclusive marketing deals.
  for (const member of cast.members) {
    for (const wallet of cast.wallets) {
      if (groupOf.get(member) === groupOf.get(wallet) || !prng.chance(0.6)) continue;
      const cities = cast.home.get(member) ?? null;
      const start = prng.int(Math.floor(last * 0.2), last);
      const suspended = prng.chance(0.05) ? suspension(prng, start + 2, last) : null;
      const disputedFrom = prng.chance(0.03) ? prng.int(start + 1, last + 1) : null;
      relationships.push({
        scanner: member,
        issuer: wallet,
        start,
        ...everywhere('mpm', 'offline'),
        cities,
        ratePerMonth: cities?.length ?? 1,
        pilotMonths: 1,
        suspended,
        disputedFrom: disputedFrom !== null && disputedFrom <= last ? disputedFrom : null,
      });
      if (prng.chance(0.015)) {
        const effective = prng.int(0, last);
        agreements.push({
          reporter: wallet,
          ref: `MKT-${wallet}-${member}`,
          counterparty: member,
          kind: 'marketing',
          exclusive: prng.chance(0.5),
          feeBps: null,
          scope: { cities: cities ?? ['*'], modes: ['mpm'], channels: ['offline'] },
          restrictions: ['no-competitor-codes'],
          effective: dayOf(firstPeriod, effective),
          expires: prng.chance(0.5) ? expiresAfter(effective, 12) : null,
          text: 'Synthetic clause: partner merchants display no competing payment codes.',
        });
      }
    }
  }

  // One in ten institutions misses one month's report.
  const missedReports = new Map<string, Set<number>>();
  for (const inst of cast.institutions) if (last >= 2 && prng.chance(0.1)) missedReports.set(inst.id, new Set([prng.int(1, last - 1)]));

  return { periods, institutions: cast.institutions, cities, relationships, agreements, missedReports };
}

/** A pause of one or two months starting no earlier than `from`, or none when the history ends first. */
function suspension(prng: Prng, from: number, last: number): Relationship['suspended'] {
  if (from > last) return null;
  const start = prng.int(from, last);
  return { from: start, to: Math.min(last, start + prng.int(0, 1)) };
}
