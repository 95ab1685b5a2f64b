// Logins, server-side sessions and the principal behind a session cookie.
import type { AppContext } from '../app-context.js';
import type { Role } from '../contract/common.js';
import { Unauthorized } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { findUserRow } from '../users/repository.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';
import { hashSecret, newSecret } from './tokens.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface NewSession {
  token: string;
  csrfToken: string;
  principal: Principal;
}

export async function logIn(ctx: AppContext, username: string, password: string): Promise<NewSession> {
  const row = await findUserRow(ctx.db, username);
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled === 1) throw new Unauthorized('Invalid username or password.', 'BAD_CREDENTIALS');
  // A fresh token at every login: a session id planted before login is never promoted (fixation).
  const token = newSecret();
  const csrfToken = newSecret();
  const now = ctx.now();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: hashSecret(token),
      username: row.username,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .execute();
  return { token, csrfToken, principal: { username: row.username, role: row.role as Role, institution: row.institution, via: 'session' } };
}

export async function logOut(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', hashSecret(token)).execute();
}

export interface SessionPrincipal {
  principal: Principal;
  csrfToken: string;
}

export async function principalForSession(ctx: AppContext, token: string): Promise<SessionPrincipal | undefined> {
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.username', 'sessions.username')
    .select(['users.username', 'users.role', 'users.institution', 'users.disabled', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.disabled === 1 || row.expires_at <= ctx.now().toISOString()) return undefined;
  return {
    principal: { username: row.username, role: row.role as Role, institution: row.institution, via: 'session' },
    csrfToken: row.csrf_token,
  };
}
