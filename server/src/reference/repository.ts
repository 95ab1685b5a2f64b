// Cities and institutions: the reference data every report is checked against.
import type { Db } from '../db/database.js';
import type { InstitutionRow } from '../db/schema.js';
import type { City, Institution } from '../contract/reference.js';

function toInstitution(row: InstitutionRow): Institution {
  return {
    id: row.id,
    name: row.name,
    nameZh: row.name_zh,
    kind: row.kind as Institution['kind'],
    group: row.group_slug,
    systemic: row.systemic === 1,
    active: row.active === 1,
  };
}

function toRow(i: Institution): InstitutionRow {
  return {
    id: i.id,
    name: i.name,
    name_zh: i.nameZh,
    kind: i.kind,
    group_slug: i.group,
    systemic: i.systemic ? 1 : 0,
    active: i.active ? 1 : 0,
  };
}

export async function listInstitutions(db: Db): Promise<Institution[]> {
  const rows = await db.selectFrom('institutions').selectAll().orderBy('id').execute();
  return rows.map(toInstitution);
}

export async function findInstitution(db: Db, id: string): Promise<Institution | undefined> {
  const row = await db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toInstitution(row);
}

/** The ids of the systemic institutions: what the matrix orders by, without reading every institution whole. */
export async function systemicInstitutionIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('institutions').select('id').where('systemic', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertInstitutions(db: Db, institutions: Institution[]): Promise<void> {
  if (institutions.length === 0) return;
  await db.insertInto('institutions').values(institutions.map(toRow)).execute();
}

export async function updateInstitution(db: Db, institution: Institution): Promise<void> {
  const { id, ...rest } = toRow(institution);
  await db.updateTable('institutions').set(rest).where('id', '=', id).execute();
}

export async function listCities(db: Db): Promise<City[]> {
  const rows = await db.selectFrom('cities').selectAll().orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameZh: r.name_zh,
    province: r.province,
    provinceName: r.province_name,
    provinceNameZh: r.province_name_zh,
  }));
}

/** Whether the registry holds a city of that code: one lookup by primary key, not the whole registry. */
export async function cityExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('cities').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertCities(db: Db, cities: City[]): Promise<void> {
  const rows = cities.map((c) => ({
    code: c.code,
    name: c.name,
    name_zh: c.nameZh,
    province: c.province,
    province_name: c.provinceName,
    province_name_zh: c.provinceNameZh,
  }));
  // 6 parameters a row: batches of 500 stay far below SQLite's variable limit.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('cities')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

export async function countCities(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('cities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
