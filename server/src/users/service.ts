// Creating and changing users (admin), and the demo users of demo mode.
import type { AppContext } from '../app-context.js';
import { appendAudit } from '../audit/repository.js';
import { hashPassword } from './passwords.js';
import type { Role } from '../contract/common.js';
import { isReservedUsername, type User } from '../contract/users.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import { findInstitution, listInstitutions } from '../reference/repository.js';
import { deleteSessionsOf, findUserRow, insertUser, toUser, updateUser } from './repository.js';

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  institution?: string;
}

/** Creates a user; `by` is the admin doing it, recorded in the audit trail. */
export async function createUser(ctx: AppContext, input: NewUserInput, by: string): Promise<User> {
  // The schema refuses these too; this holds for any caller that does not go through it.
  if (isReservedUsername(input.username))
    throw new Invalid([
      {
        code: 'RESERVED_USERNAME',
        message: `${input.username} names the system in the record`,
        messageZh: `${input.username} 在记录中代表系统本身`,
        path: '$.username',
      },
    ]);
  if (input.institution && !(await findInstitution(ctx.db, input.institution))) {
    throw new Invalid([
      {
        code: 'UNKNOWN_INSTITUTION',
        message: `no institution ${input.institution}`,
        messageZh: `没有机构 ${input.institution}`,
        path: '$.institution',
      },
    ]);
  }
  if (await findUserRow(ctx.db, input.username))
    throw new Conflict({ en: `User ${input.username} already exists.`, zh: `用户 ${input.username} 已存在。` }, 'USER_EXISTS');
  const row = {
    username: input.username,
    password_hash: await hashPassword(input.password),
    role: input.role,
    institution: input.institution ?? null,
    disabled: 0,
    created_at: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, row);
    await appendAudit(trx, {
      at: row.created_at,
      actor: by,
      action: 'user.create',
      target: `user:${row.username}`,
      details: { role: row.role, institution: row.institution },
    });
  });
  return toUser(row);
}

export interface UserChanges {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

/** Changes a user; `by` is the admin doing it, recorded in the audit trail (never the password). */
export async function changeUser(ctx: AppContext, username: string, changes: UserChanges, by: string): Promise<User> {
  const current = await findUserRow(ctx.db, username);
  if (!current) throw new NotFound({ en: `No user ${username}.`, zh: `没有用户 ${username}。` });
  if (changes.role && changes.role !== 'institution' && current.institution) {
    throw new Invalid([
      {
        code: 'ROLE_NEEDS_NO_INSTITUTION',
        message: 'an institution user cannot take a central bank role',
        messageZh: '机构用户不能担任央行角色',
        path: '$.role',
      },
    ]);
  }
  if (changes.role === 'institution' && !current.institution) {
    throw new Invalid([
      {
        code: 'INSTITUTION_REQUIRED',
        message: 'only users created for an institution can have the institution role',
        messageZh: '只有为机构创建的用户才能担任机构角色',
        path: '$.role',
      },
    ]);
  }
  const update = {
    ...(changes.role ? { role: changes.role } : {}),
    ...(changes.password ? { password_hash: await hashPassword(changes.password) } : {}),
    ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
  };
  // A new password, a new role or a disabled account ends every open session of that user.
  const endSessions = Boolean(changes.password || changes.role || changes.disabled);
  if (Object.keys(update).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateUser(trx, username, update);
      if (endSessions) await deleteSessionsOf(trx, username);
      const details = {
        role: changes.role ? { from: current.role, to: changes.role } : undefined,
        disabled: changes.disabled !== undefined ? { from: current.disabled === 1, to: changes.disabled } : undefined,
        passwordChanged: changes.password ? true : undefined,
        sessionsEnded: endSessions,
      };
      await appendAudit(trx, { at: ctx.now().toISOString(), actor: by, action: 'user.update', target: `user:${username}`, details });
    });
  }
  return toUser({ ...current, ...update });
}

export const DEMO_PASSWORD = 'demo';

/** analyst, auditor, admin and one user per institution, all with the password "demo". */
export async function createDemoUsers(ctx: AppContext): Promise<string[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const institutions = await listInstitutions(ctx.db);
  const users = [
    ...(['analyst', 'auditor', 'admin'] as const).map((role) => ({ username: role, role, institution: null as string | null })),
    ...institutions.map((i) => ({ username: i.id, role: 'institution' as const, institution: i.id })),
  ];
  const createdAt = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const u of users) {
      // An institution with a reserved id gets no demo user: the record would take it for the system.
      if (isReservedUsername(u.username) || (await findUserRow(trx, u.username))) continue;
      // One hash shared by the demo users: hashing 30+ times would only slow the first start.
      await insertUser(trx, { ...u, password_hash: hash, disabled: 0, created_at: createdAt });
      const details = { role: u.role, institution: u.institution, demo: true };
      await appendAudit(trx, { at: createdAt, actor: 'system', action: 'user.create', target: `user:${u.username}`, details });
    }
  });
  return users.map((u) => u.username).filter((name) => !isReservedUsername(name));
}
