// Creating and changing users (admin), and the demo users of demo mode.
import type { AppContext } from '../app-context.js';
import { hashPassword } from '../auth/passwords.js';
import type { Role } from '../contract/common.js';
import type { User } from '../contract/users.js';
import { Conflict, Invalid, NotFound } from '../http/errors.js';
import { findInstitution, listInstitutions } from '../reference/repository.js';
import { deleteSessionsOf, findUserRow, insertUser, toUser, updateUser } from './repository.js';

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  institution?: string;
}

export async function createUser(ctx: AppContext, input: NewUserInput): Promise<User> {
  if (input.institution && !(await findInstitution(ctx.db, input.institution))) {
    throw new Invalid([{ code: 'UNKNOWN_INSTITUTION', message: `no institution ${input.institution}`, path: '$.institution' }]);
  }
  if (await findUserRow(ctx.db, input.username)) throw new Conflict(`User ${input.username} already exists.`, 'USER_EXISTS');
  const row = {
    username: input.username,
    password_hash: await hashPassword(input.password),
    role: input.role,
    institution: input.institution ?? null,
    disabled: 0,
    created_at: ctx.now().toISOString(),
  };
  await insertUser(ctx.db, row);
  return toUser(row);
}

export interface UserChanges {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

export async function changeUser(ctx: AppContext, username: string, changes: UserChanges): Promise<User> {
  const current = await findUserRow(ctx.db, username);
  if (!current) throw new NotFound(`No user ${username}.`);
  if (changes.role && changes.role !== 'institution' && current.institution) {
    throw new Invalid([{ code: 'ROLE_NEEDS_NO_INSTITUTION', message: 'an institution user cannot take a central bank role', path: '$.role' }]);
  }
  if (changes.role === 'institution' && !current.institution) {
    throw new Invalid([{ code: 'INSTITUTION_REQUIRED', message: 'only users created for an institution can have the institution role', path: '$.role' }]);
  }
  const update = {
    ...(changes.role ? { role: changes.role } : {}),
    ...(changes.password ? { password_hash: await hashPassword(changes.password) } : {}),
    ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
  };
  if (Object.keys(update).length > 0) await updateUser(ctx.db, username, update);
  // A new password, a new role or a disabled account ends every open session of that user.
  if (changes.password || changes.role || changes.disabled) await deleteSessionsOf(ctx.db, username);
  return toUser({ ...current, ...update });
}

export const DEMO_PASSWORD = 'demo';

/** analyst, auditor, admin and one user per institution, all with the password "demo". */
export async function createDemoUsers(ctx: AppContext): Promise<string[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const institutions = await listInstitutions(ctx.db);
  const users = [
    ...(['analyst', 'auditor', 'admin'] as const).map((role) => ({ username: role, role, institution: null as string | null })),
    ...institutions.map((i) => ({ username: i.id, role: 'institution' as const, institution: i.id as string | null })),
  ];
  const createdAt = ctx.now().toISOString();
  for (const u of users) {
    if (await findUserRow(ctx.db, u.username)) continue;
    // One hash shared by the demo users: hashing 30+ times would only slow the first start.
    await insertUser(ctx.db, { ...u, password_hash: hash, disabled: 0, created_at: createdAt });
  }
  return users.map((u) => u.username);
}
