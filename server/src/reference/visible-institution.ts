// An institution whose own data (reports, agreements, links, obligations) the principal may read.
import type { Institution } from '../contract/reference.js';
import type { Db } from '../db/database.js';
import { NotFound } from '../domain/errors.js';
import { canSeeInstitution, type Principal } from '../domain/principal.js';
import { findInstitution } from './repository.js';

/**
 * Central bank roles may read any institution, an institution only itself. Another institution's
 * id gets the same 404 as an unknown one (DESIGN.md: indistinguishable from a missing id).
 */
export async function visibleInstitution(db: Db, principal: Principal, id: string): Promise<Institution> {
  const found = canSeeInstitution(principal, id) ? await findInstitution(db, id) : undefined;
  if (!found) throw new NotFound({ en: `no institution "${id}"`, zh: `没有机构 "${id}"` }, 'UNKNOWN_INSTITUTION');
  return found;
}
