// Findings shaped like the rules' (two subjects, a city, bilingual explanations, evidence, a status
// history, some comments), inserted straight into SQLite: exports can be measured at national size
// without running the rules over years of reports. Deterministic for a seed.
import type BetterSqlite3 from 'better-sqlite3';
import { caseIdOf } from '../../src/findings/case-key.js';

interface Place {
  code: string;
  name: string;
  nameZh: string;
}

interface Party {
  id: string;
  name: string;
  nameZh: string;
}

const RULES = [
  { id: 'RECIP-001', severity: 'medium', rank: 2 },
  { id: 'CONS-001', severity: 'low', rank: 1 },
  { id: 'EXCL-001', severity: 'high', rank: 3 },
  { id: 'DISC-001', severity: 'high', rank: 3 },
  { id: 'SUSP-001', severity: 'medium', rank: 2 },
] as const;
const STATUSES = ['open', 'acknowledged', 'confirmed', 'dismissed', 'resolved'] as const;
const MODES = ['mpm', 'cpm'] as const;
const CHANNELS = ['offline', 'online'] as const;

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const period = (index: number) => `${2019 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function insertSyntheticFindings(sqlite: BetterSqlite3.Database, count: number, parties: Party[], places: Place[], seed = 1): void {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const finding = sqlite.prepare(
    `insert into findings (fingerprint, rule_id, rule_version, severity, severity_rank, subjects, city, mode, channel, first_period, last_period, periods, holds, status, explanation, explanation_zh, evidence, created_at, updated_at, case_id)
     values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const subject = sqlite.prepare('insert into finding_subjects (institution, finding_id) values (?, ?)');
  const history = sqlite.prepare(
    'insert into finding_history (finding_id, at, actor, from_status, to_status, note) values (?, ?, ?, ?, ?, ?)',
  );
  const comment = sqlite.prepare(
    'insert into finding_comments (finding_id, at, author, role, institution, text) values (?, ?, ?, ?, ?, ?)',
  );

  sqlite.transaction(() => {
    for (let n = 0; n < count; n++) {
      const rule = pick(RULES);
      const a = pick(parties);
      const b = pick(parties.filter((p) => p !== a));
      const city = pick(places);
      const mode = pick(MODES);
      const channel = pick(CHANNELS);
      const first = Math.floor(next() * 48);
      const last = first + Math.floor(next() * 12);
      const gap = last - first > 3 && next() < 0.3;
      const periods = gap
        ? [
            [period(first), period(first + 1)],
            [period(first + 3), period(last)],
          ]
        : [[period(first), period(last)]];
      const status = pick(STATUSES);
      const created = `${period(last)}-20T08:00:00.000Z`;
      const updated = status === 'open' ? created : `${period(last)}-25T09:30:00.000Z`;
      const evidence = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => ({
        reportId: 1 + Math.floor(next() * 50_000),
        version: 1 + Math.floor(next() * 3),
        institution: i === 0 ? a.id : b.id,
        period: period(last),
        ...(rule.id.startsWith('EXCL') || rule.id.startsWith('DISC')
          ? { agreementRef: `AGR-${a.id}-${n}` }
          : { row: Math.floor(next() * 5_000) }),
      }));
      const explanation = `In ${city.name} (${city.code}), ${b.name}’s app does not scan ${a.name}’s merchant-presented codes (${mode}, ${channel}) although ${a.name}’s app scans ${b.name}’s since ${period(first)}.`;
      const explanationZh = `在${city.nameZh}（${city.code}），${b.nameZh}的App未识别${a.nameZh}的线下商户收款码（${mode}），而${a.nameZh}的App自 ${period(first)} 起已识别${b.nameZh}的支付码。`;
      const fingerprint = `${rule.id}|${b.id}|${a.id}|${city.code}|${mode}|${channel}|${n}`;
      const { lastInsertRowid } = finding.run(
        fingerprint,
        rule.id,
        rule.severity,
        rule.rank,
        JSON.stringify([b.id, a.id]),
        city.code,
        mode,
        channel,
        period(first),
        period(last),
        JSON.stringify(periods),
        next() < 0.6 ? 1 : 0,
        status,
        explanation,
        explanationZh,
        JSON.stringify(evidence),
        created,
        updated,
        caseIdOf({ fingerprint, ruleId: rule.id, subjects: [b.id, a.id], city: city.code, mode, channel }),
      );
      const id = Number(lastInsertRowid);
      subject.run(b.id, id);
      subject.run(a.id, id);
      history.run(id, created, 'system', null, 'open', null);
      if (status !== 'open')
        history.run(
          id,
          updated,
          'analyst',
          'open',
          status,
          status === 'dismissed' ? '协议已于上月终止 — agreement ended last month' : null,
        );
      if (next() < 0.3)
        comment.run(
          id,
          updated,
          `${b.id}-ops`,
          'institution',
          b.id,
          `我们已于 ${period(last)} 开通受理，请核实。We enabled acceptance in ${period(last)}; please check.`,
        );
      if (next() < 0.1) comment.run(id, updated, 'analyst', 'analyst', null, '=SUM(A1:A9) looks like a formula but is only text');
    }
  })();
}
