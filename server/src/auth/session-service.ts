// Logins, server-side sessions and the principal behind a session cookie.
import type { AppContext } from '../app-context.js';
import { appendAudit, recordAudit } from '../audit/repository.js';
import type { Role } from '../contract/common.js';
import { Unauthorized } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { findInstitution } from '../reference/repository.js';
import { cutText } from '../text/well-formed-text.js';
import { findUserRow } from '../users/repository.js';
import { DUMMY_HASH, verifyPassword } from '../users/passwords.js';
import { hashSecret, newSecret } from './tokens.js';

/** A session's lifetime, however active: after it, log in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How much later a request must push a session's end before it is written: a write a minute at most per session. */
const TOUCH_STEP_MS = 60 * 1000;

/**
 * When a session used at `at` ends: SESSION_IDLE_MINUTES later, but never past its lifetime. The
 * sessions table keeps this as `expires_at`, moved on by requests (see principalForSession).
 */
function sessionEnd(ctx: AppContext, createdAt: Date, at: Date): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_TTL_MS, at.getTime() + ctx.config.SESSION_IDLE_MINUTES * 60 * 1000));
}

export interface NewSession {
  token: string;
  csrfToken: string;
  principal: Principal;
}

/** Where a login came from, for the audit trail. */
export interface LoginOrigin {
  ip?: string;
}

/**
 * Opens a session, or throws 401. Either way the audit trail records the attempt, under the
 * username tried; never the password.
 */
export async function logIn(ctx: AppContext, username: string, password: string, origin: LoginOrigin = {}): Promise<NewSession> {
  // No user has an ill-formed name (every body holding one is refused); looked up, storage would
  // compare it as U+FFFD and could match a real name.
  const row = username.isWellFormed() ? await findUserRow(ctx.db, username) : undefined;
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  const now = ctx.now();
  // A deactivated institution's users are refused as if their password were wrong: the answer tells a guesser nothing.
  const institutionActive = !row?.institution || (await findInstitution(ctx.db, row.institution))?.active === true;
  if (!row || !ok || row.disabled === 1 || !institutionActive) {
    const reason = !row ? 'unknown-user' : !ok ? 'bad-password' : row.disabled === 1 ? 'disabled' : 'institution-inactive';
    // Nobody has proven who they are: the actor is anonymous, so a filter on a real user's name never mixes in attempts made against it.
    await recordAudit(ctx.db, {
      at: now.toISOString(),
      actor: 'anonymous',
      action: 'auth.login_failed',
      target: `user:${cutText(username, 64)}`,
      details: { reason, ip: origin.ip },
    });
    throw new Unauthorized({ en: 'Invalid username or password.', zh: '用户名或密码错误。' }, 'BAD_CREDENTIALS');
  }
  // A fresh token at every login: a session id planted before login is never promoted (fixation).
  const token = newSecret();
  const csrfToken = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: hashSecret(token),
        username: row.username,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: sessionEnd(ctx, now, now).toISOString(),
      })
      .execute();
    await appendAudit(trx, {
      at: now.toISOString(),
      actor: row.username,
      action: 'auth.login',
      target: `user:${row.username}`,
      details: { role: row.role, ip: origin.ip },
    });
  });
  return { token, csrfToken, principal: { username: row.username, role: row.role as Role, institution: row.institution, via: 'session' } };
}

/** Ends the session behind the token; the audit trail records it if there was one. */
export async function logOut(ctx: AppContext, token: string, actor: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await trx.deleteFrom('sessions').where('id', '=', hashSecret(token)).executeTakeFirst();
    if (Number(ended.numDeletedRows) > 0)
      await appendAudit(trx, { at: ctx.now().toISOString(), actor, action: 'auth.logout', target: `user:${actor}` });
  });
}

export interface SessionPrincipal {
  principal: Principal;
  csrfToken: string;
}

/**
 * The user behind a session token, or undefined when the session is unknown, ended, idle too long,
 * past its lifetime, or its user is disabled or belongs to a deactivated institution.
 */
export async function principalForSession(ctx: AppContext, token: string): Promise<SessionPrincipal | undefined> {
  const id = hashSecret(token);
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.username', 'sessions.username')
    .leftJoin('institutions', 'institutions.id', 'users.institution')
    .select([
      'users.username',
      'users.role',
      'users.institution',
      'users.disabled',
      'institutions.active',
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.expires_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  const now = ctx.now();
  if (!row || row.disabled === 1 || (row.institution !== null && row.active !== 1) || row.expires_at <= now.toISOString()) return undefined;
  const end = sessionEnd(ctx, new Date(row.created_at), now);
  if (end.getTime() - new Date(row.expires_at).getTime() >= TOUCH_STEP_MS) {
    // Not awaited: a page's read must not wait for the writer behind a submission; shutdown waits for it.
    void ctx.pending
      .track('session activity', extendSession(ctx, id, end.toISOString()))
      .catch((err: unknown) => ctx.logger.warn({ err }, 'could not record session activity'));
  }
  return {
    principal: { username: row.username, role: row.role as Role, institution: row.institution, via: 'session' },
    csrfToken: row.csrf_token,
  };
}

async function extendSession(ctx: AppContext, id: string, expiresAt: string): Promise<void> {
  // Never shortens: a request with an earlier clock (or a slower one in flight) leaves a later end alone.
  await ctx.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).where('expires_at', '<', expiresAt).execute();
}
