// POST /auth/login, POST /auth/logout, GET /auth/me, GET /auth/session.
import type { CookieOptions } from 'express';
import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../app-context.js';
import { loginRequest, type Me } from '../contract/users.js';
import { TooManyRequests } from '../http/errors.js';
import { SESSION_COOKIE, XSRF_COOKIE } from '../http/authenticate.js';
import { principalOf, type Principal } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { logIn, logOut, SESSION_TTL_MS } from './session-service.js';

const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const LOGIN_FAILURES_ALLOWED = 5;
/** Per address over every username: stops one client from guessing across accounts or filling the audit trail. */
const ADDRESS_FAILURES_ALLOWED = 50;

export function meOf(principal: Principal): Me {
  return { username: principal.username, role: principal.role, ...(principal.institution ? { institution: principal.institution } : {}) };
}

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const cookieBase: CookieOptions = { sameSite: 'strict', secure: ctx.config.COOKIE_SECURE, path: '/' };

  // Counts failed logins per address and username; successful ones do not count.
  const loginLimiter = rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: LOGIN_FAILURES_ALLOWED,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String((req.body as { username?: unknown })?.username ?? '').toLowerCase()}`,
    handler: (_req, _res, next) =>
      next(new TooManyRequests('Too many failed logins; wait 15 minutes before trying again.', LOGIN_WINDOW_MS / 1000)),
  });

  const addressLimiter = rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: ADDRESS_FAILURES_ALLOWED,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (_req, _res, next) =>
      next(new TooManyRequests('Too many failed logins from this address; wait 15 minutes before trying again.', LOGIN_WINDOW_MS / 1000)),
  });

  router.post('/auth/login', addressLimiter, loginLimiter, async (req, res) => {
    const { username, password } = parseInput(loginRequest, req.body);
    const session = await logIn(ctx, username, password, { ip: req.ip });
    res.cookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true, maxAge: SESSION_TTL_MS });
    res.cookie(XSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, maxAge: SESSION_TTL_MS });
    res.json({ user: meOf(session.principal) });
  });

  router.post('/auth/logout', async (req, res) => {
    const principal = principalOf(req);
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await logOut(ctx, token, principal.username);
    res.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(XSRF_COOKIE, cookieBase).status(204).end();
  });

  router.get('/auth/me', (req, res) => {
    res.json(meOf(principalOf(req)));
  });

  // The client's question at start-up: nobody logged in is a normal state, answered without an
  // error status (a 401 would be logged as an error in every visitor's browser console).
  router.get('/auth/session', (req, res) => {
    res.json({ user: req.principal ? meOf(req.principal) : null });
  });

  return router;
}
