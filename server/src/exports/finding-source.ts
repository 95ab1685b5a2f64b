// The findings an export covers, read in chunks in the export's order so that neither the rows nor
// the database connection are held for the whole file.
import { sql } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FindingFilters, FindingSummary } from '../contract/findings.js';
import type { Db } from '../db/database.js';
import { filteredFindings, SORT_COLUMNS, toFindingSummary } from '../findings/service.js';
import type { FindingStatus } from '../findings/status-machine.js';
import type { Principal } from '../domain/principal.js';
import { listCities, listInstitutions } from '../reference/repository.js';

// Small enough that a chunk's rows mostly die young instead of being promoted and piling up in the
// old generation: a smaller chunk lowers a large export's peak memory and costs it no time.
export const EXPORT_CHUNK = 250;

export interface Named {
  id: string;
  name: string;
  nameZh: string;
}

export interface ExportedFinding extends FindingSummary {
  subjectNames: Named[];
  cityName: string | null;
  cityNameZh: string | null;
  history: { at: string; actor: string; from: FindingStatus | null; to: FindingStatus; note: string | null }[];
  comments: { at: string; author: string; institution: string | null; text: string }[];
}

type Evidence = FindingSummary['evidence'][number];
export type EvidenceOf = Evidence & { findingId: number; ruleId: string };
export type HistoryOf = ExportedFinding['history'][number] & { findingId: number };
export type CommentOf = ExportedFinding['comments'][number] & { findingId: number };

export interface FindingSource {
  /** Finding ids in export order: 8 bytes each, so even a million fit comfortably. */
  ids: number[];
  /**
   * The findings, EXPORT_CHUNK at a time, in order; may be read more than once. A pass that does
   * not print history or comments can leave them out (they come back empty) and save two queries.
   */
  chunks(include?: { history?: boolean; comments?: boolean }): AsyncGenerator<ExportedFinding[]>;
  /**
   * The evidence, history or comments alone, a chunk of findings at a time in the findings' order,
   * for formats that print them as rows of their own: far cheaper than reading whole findings again.
   */
  evidence(): AsyncGenerator<EvidenceOf[]>;
  history(): AsyncGenerator<HistoryOf[]>;
  comments(): AsyncGenerator<CommentOf[]>;
}

/** `column in (the chunk's ids)` with one bound parameter: 1,000 placeholders cost more to build and compile than to run. */
const inChunk = (column: string, chunk: number[]) =>
  sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(chunk)}))`;

export async function findingSource(db: Db, principal: Principal, filters: FindingFilters, sort: string): Promise<FindingSource> {
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace(/^-/, '') as keyof typeof SORT_COLUMNS];
  const rows = await filteredFindings(db, principal, filters)
    .select('id')
    .orderBy(column, descending ? 'desc' : 'asc')
    .orderBy('id', descending ? 'desc' : 'asc')
    .execute();
  const ids = rows.map((r) => r.id);
  const [institutions, cities] = await Promise.all([listInstitutions(db), listCities(db)]);
  // One object per institution, shared by every finding that names it.
  const named = new Map(institutions.map((i): [string, Named] => [i.id, { id: i.id, name: i.name, nameZh: i.nameZh }]));
  const nameOf = (id: string): Named => named.get(id) ?? { id, name: id, nameZh: id };
  const cityByCode = new Map(cities.map((c) => [c.code, c]));

  /** Reads the ids a chunk at a time and yields what `read` makes of each chunk. */
  async function* inChunks<T>(read: (chunk: number[]) => Promise<T[]>): AsyncGenerator<T[]> {
    for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
      // better-sqlite3 answers synchronously: without this, a large export would never let other
      // requests in until it is done.
      if (i > 0) await nextTurn();
      yield await read(ids.slice(i, i + EXPORT_CHUNK));
    }
  }

  // Ordered as the index on finding_id reads them, so SQLite need not sort: grouping by finding wants only each finding's rows in order.
  const historyOf = (chunk: number[]) =>
    db
      .selectFrom('finding_history')
      .select(['finding_id', 'at', 'actor', 'from_status', 'to_status', 'note'])
      .where(inChunk('finding_id', chunk))
      .orderBy('finding_id')
      .orderBy('id')
      .execute();
  // A finding's own comments only: its case's thread is stored once and exported once, by case
  // (case-source.ts). Repeated in each finding's row, a thread on a case of 337 cities would grow
  // every export 337-fold by whatever a subject institution chose to post.
  const commentsOf = (chunk: number[]) =>
    db
      .selectFrom('finding_comments')
      .select(['finding_id', 'at', 'author', 'institution', 'text'])
      .where(inChunk('finding_id', chunk))
      .orderBy('finding_id')
      .orderBy('id')
      .$narrowType<{ finding_id: number }>()
      .execute();
  const toHistory = (h: Awaited<ReturnType<typeof historyOf>>[number]) => ({
    at: h.at,
    actor: h.actor,
    from: h.from_status as FindingStatus | null,
    to: h.to_status as FindingStatus,
    note: h.note,
  });
  const toComment = (c: Awaited<ReturnType<typeof commentsOf>>[number]) => ({
    at: c.at,
    author: c.author,
    institution: c.institution,
    text: c.text,
  });

  return {
    ids,
    chunks: (include = { history: true, comments: true }) =>
      inChunks(async (chunk) => {
        const [findings, history, comments] = await Promise.all([
          db.selectFrom('findings').selectAll().where(inChunk('id', chunk)).execute(),
          include.history ? historyOf(chunk) : [],
          include.comments ? commentsOf(chunk) : [],
        ]);
        const byId = new Map(findings.map((f) => [f.id, f]));
        const historyById = groupByFinding(history);
        const commentsById = groupByFinding(comments);
        const exported: ExportedFinding[] = [];
        for (const id of chunk) {
          const row = byId.get(id);
          if (!row) continue; // deleted since the ids were read: findings are never deleted, but be safe
          // Grown in place rather than spread into a copy: a second object of 24 fields per finding costs more than the rest.
          const finding = toFindingSummary(row) as ExportedFinding;
          const city = finding.city ? cityByCode.get(finding.city) : undefined;
          finding.subjectNames = finding.subjects.map(nameOf);
          finding.cityName = city?.name ?? null;
          finding.cityNameZh = city?.nameZh ?? null;
          finding.history = historyById.get(id)?.map(toHistory) ?? [];
          finding.comments = commentsById.get(id)?.map(toComment) ?? [];
          exported.push(finding);
        }
        return exported;
      }),
    evidence: () =>
      inChunks(async (chunk) => {
        const rows = await db.selectFrom('findings').select(['id', 'rule_id', 'evidence']).where(inChunk('id', chunk)).execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        const ordered: EvidenceOf[] = [];
        for (const id of chunk) {
          const row = byId.get(id);
          if (!row) continue;
          for (const e of JSON.parse(row.evidence) as EvidenceOf[]) {
            e.findingId = id;
            e.ruleId = row.rule_id;
            ordered.push(e);
          }
        }
        return ordered;
      }),
    history: () => inChunks(async (chunk) => inChunkOrder(chunk, groupByFinding(await historyOf(chunk)), toHistory)),
    comments: () => inChunks(async (chunk) => inChunkOrder(chunk, groupByFinding(await commentsOf(chunk)), toComment)),
  };
}

function groupByFinding<T extends { finding_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.finding_id);
    if (list) list.push(row);
    else groups.set(row.finding_id, [row]);
  }
  return groups;
}

/** The rows of every finding of the chunk, finding after finding in the export's order. */
function inChunkOrder<T, R>(chunk: number[], groups: Map<number, T[]>, map: (row: T) => R): (R & { findingId: number })[] {
  const ordered: (R & { findingId: number })[] = [];
  for (const id of chunk) {
    for (const row of groups.get(id) ?? []) {
      const mapped = map(row) as R & { findingId: number };
      mapped.findingId = id;
      ordered.push(mapped);
    }
  }
  return ordered;
}
