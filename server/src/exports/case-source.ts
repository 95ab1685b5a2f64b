// The cases an export covers (by=case), in the export's order, a chunk at a time, with the names
// of their subjects and cities and their threads: a case's comments are exported here, once per
// case, and never in the rows of its findings.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CaseSort, CaseSummary } from '../contract/cases.js';
import type { FindingFilters } from '../contract/findings.js';
import type { Db } from '../db/database.js';
import { threadsOfCases } from '../cases/repository.js';
import { casesInOrder } from '../cases/service.js';
import type { Principal } from '../domain/principal.js';
import { listCities, listInstitutions } from '../reference/repository.js';
import { EXPORT_CHUNK, type ExportedFinding, type Named } from './finding-source.js';

type ExportedComment = ExportedFinding['comments'][number];

export interface ExportedCase extends CaseSummary {
  subjectNames: Named[];
  cityNames: Named[];
  /** The case's thread, oldest first, as a finding's own comments are exported. */
  comments: ExportedComment[];
}

export type CaseCommentOf = ExportedComment & { caseId: string };

export interface CaseSource {
  total: number;
  /** The cases, EXPORT_CHUNK at a time; a pass that does not print the threads can leave them out (they come back empty). */
  chunks(include?: { comments?: boolean }): AsyncGenerator<ExportedCase[]>;
  /** The threads alone, case after case in the export's order, for formats that print comments as rows of their own. */
  comments(): AsyncGenerator<CaseCommentOf[]>;
}

export async function caseSource(db: Db, principal: Principal, filters: FindingFilters, sort: CaseSort): Promise<CaseSource> {
  const [cases, institutions, cities] = await Promise.all([
    casesInOrder(db, principal, filters, sort, EXPORT_CHUNK),
    listInstitutions(db),
    listCities(db),
  ]);
  const named = new Map<string, Named>([...institutions.map((i): [string, Named] => [i.id, { id: i.id, name: i.name, nameZh: i.nameZh }])]);
  const cityNamed = new Map<string, Named>(cities.map((c): [string, Named] => [c.code, { id: c.code, name: c.name, nameZh: c.nameZh }]));
  const nameOf =
    (names: Map<string, Named>) =>
    (id: string): Named =>
      names.get(id) ?? { id, name: id, nameZh: id };

  /** The threads of a chunk of cases, by case id. */
  async function threadsOf(caseIds: readonly string[]): Promise<Map<string, ExportedComment[]>> {
    const threads = new Map<string, ExportedComment[]>();
    for (const { case_id, at, author, institution, text } of await threadsOfCases(db, caseIds)) {
      const comment = { at, author, institution, text };
      const thread = threads.get(case_id);
      if (thread) thread.push(comment);
      else threads.set(case_id, [comment]);
    }
    return threads;
  }

  return {
    total: cases.ids.length,
    async *chunks(include = { comments: true }) {
      for await (const chunk of cases.chunks()) {
        const threads = include.comments ? await threadsOf(chunk.map((c) => c.id)) : new Map<string, ExportedComment[]>();
        yield chunk.map((c) => ({
          ...c,
          subjectNames: c.subjects.map(nameOf(named)),
          cityNames: c.cities.map(nameOf(cityNamed)),
          comments: threads.get(c.id) ?? [],
        }));
      }
    },
    async *comments() {
      for (let i = 0; i < cases.ids.length; i += EXPORT_CHUNK) {
        // better-sqlite3 answers synchronously: let other requests in between chunks.
        if (i > 0) await nextTurn();
        const chunk = cases.ids.slice(i, i + EXPORT_CHUNK);
        const threads = await threadsOf(chunk);
        yield chunk.flatMap((caseId) => (threads.get(caseId) ?? []).map((c) => ({ caseId, ...c })));
      }
    },
  };
}
