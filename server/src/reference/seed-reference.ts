// Loads the city registry on every start (new codes are added, none removed) and, on an empty
// database, the institutions of data/institutions.json.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config.js';
import type { Db } from '../db/database.js';
import { institution, type Institution } from '../contract/reference.js';
import { buildCityRegistry } from './city-registry.js';
import { insertCities, insertInstitutions, listInstitutions } from './repository.js';

export function loadInstitutionFile(file = path.join(projectRoot, 'data', 'institutions.json')): Institution[] {
  return z.array(institution).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export async function seedReferenceData(db: Db, institutions: Institution[]): Promise<void> {
  await insertCities(db, buildCityRegistry());
  if ((await listInstitutions(db)).length === 0) await insertInstitutions(db, institutions);
}
