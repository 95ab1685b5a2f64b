// The findings an export covers, read in chunks in the export's order so that neither the rows nor
// the database connection are held for the whole file.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FindingFilters, FindingSummary } from '../contract/findings.js';
import type { Db } from '../db/database.js';
import { filteredFindings, SORT_COLUMNS, toFindingSummary } from '../findings/service.js';
import type { FindingStatus } from '../findings/status-machine.js';
import type { Principal } from '../http/principal.js';
import { listCities, listInstitutions } from '../reference/repository.js';

export const EXPORT_CHUNK = 1000;

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

export interface FindingSource {
  /** Finding ids in export order: 8 bytes each, so even a million fit comfortably. */
  ids: number[];
  /**
   * The findings, EXPORT_CHUNK at a time, in order; may be read more than once. A pass that does
   * not print history or comments can leave them out (they come back empty) and save two queries.
   */
  chunks(include?: { history?: boolean; comments?: boolean }): AsyncGenerator<ExportedFinding[]>;
}

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
  const institutionById = new Map(institutions.map((i) => [i.id, i]));
  const cityByCode = new Map(cities.map((c) => [c.code, c]));

  async function* chunks(include = { history: true, comments: true }): AsyncGenerator<ExportedFinding[]> {
    for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
      // better-sqlite3 answers synchronously: without this, a large export would never let other
      // requests in until it is done.
      if (i > 0) await nextTurn();
      const chunk = ids.slice(i, i + EXPORT_CHUNK);
      const [findings, history, comments] = await Promise.all([
        db.selectFrom('findings').selectAll().where('id', 'in', chunk).execute(),
        include.history ? db.selectFrom('finding_history').selectAll().where('finding_id', 'in', chunk).orderBy('id').execute() : [],
        include.comments ? db.selectFrom('finding_comments').selectAll().where('finding_id', 'in', chunk).orderBy('id').execute() : [],
      ]);
      const byId = new Map(findings.map((f) => [f.id, f]));
      const historyOf = groupByFinding(history);
      const commentsOf = groupByFinding(comments);
      yield chunk.flatMap((id) => {
        const row = byId.get(id);
        if (!row) return []; // deleted since the ids were read: findings are never deleted, but be safe
        const summary = toFindingSummary(row);
        const city = summary.city ? cityByCode.get(summary.city) : undefined;
        return [
          {
            ...summary,
            subjectNames: summary.subjects.map((s) => {
              const inst = institutionById.get(s);
              return { id: s, name: inst?.name ?? s, nameZh: inst?.nameZh ?? s };
            }),
            cityName: city?.name ?? null,
            cityNameZh: city?.nameZh ?? null,
            history: (historyOf.get(id) ?? []).map((h) => ({ at: h.at, actor: h.actor, from: h.from_status as FindingStatus | null, to: h.to_status as FindingStatus, note: h.note })),
            comments: (commentsOf.get(id) ?? []).map((c) => ({ at: c.at, author: c.author, institution: c.institution, text: c.text })),
          },
        ];
      });
    }
  }
  return { ids, chunks };
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
