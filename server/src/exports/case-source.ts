// The cases an export covers (by=case), in the export's order, a chunk at a time, with the names
// of their subjects and cities.
import type { CaseSort, CaseSummary } from '../contract/cases.js';
import type { FindingFilters } from '../contract/findings.js';
import type { Db } from '../db/database.js';
import { casesInOrder } from '../cases/service.js';
import type { Principal } from '../domain/principal.js';
import { listCities, listInstitutions } from '../reference/repository.js';
import { EXPORT_CHUNK, type Named } from './finding-source.js';

export interface ExportedCase extends CaseSummary {
  subjectNames: Named[];
  cityNames: Named[];
}

export interface CaseSource {
  total: number;
  chunks(): AsyncGenerator<ExportedCase[]>;
}

export async function caseSource(db: Db, principal: Principal, filters: FindingFilters, sort: CaseSort): Promise<CaseSource> {
  const [cases, institutions, cities] = await Promise.all([casesInOrder(db, principal, filters, sort, EXPORT_CHUNK), listInstitutions(db), listCities(db)]);
  const named = new Map<string, Named>([...institutions.map((i): [string, Named] => [i.id, { id: i.id, name: i.name, nameZh: i.nameZh }])]);
  const cityNamed = new Map<string, Named>(cities.map((c): [string, Named] => [c.code, { id: c.code, name: c.name, nameZh: c.nameZh }]));
  const nameOf = (names: Map<string, Named>) => (id: string): Named => names.get(id) ?? { id, name: id, nameZh: id };
  return {
    total: cases.total,
    async *chunks() {
      for await (const chunk of cases.chunks()) yield chunk.map((c) => ({ ...c, subjectNames: c.subjects.map(nameOf(named)), cityNames: c.cities.map(nameOf(cityNamed)) }));
    },
  };
}
