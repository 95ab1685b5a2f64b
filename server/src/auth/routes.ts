// POST /auth/login, POST /auth/logout, GET /auth/me, GET /auth/session.
import type { CookieOptions, Request } from 'express';
import { Router } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { AppContext } from '../app-context.js';
import { loginRequest, type Me } from '../contract/users.js';
import { Unauthorized } from '../domain/errors.js';
import { SESSION_COOKIE, XSRF_COOKIE } from '../http/authenticate.js';
import type { Principal } from '../domain/principal.js';
import { principalOf } from '../http/principal.js';
import { parseInput } from '../http/validate.js';
import { logIn, logOut, SESSION_TTL_MS, type NewSession } from './session-service.js';

export function meOf(principal: Principal): Me {
  return { username: principal.username, role: principal.role, ...(principal.institution ? { institution: principal.institution } : {}) };
}

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  // Secure whenever the request came over TLS (directly, or through a proxy TRUST_PROXY believes), or always with COOKIE_SECURE.
  const cookieBase = (req: Request): CookieOptions => ({ sameSite: 'strict', secure: ctx.config.COOKIE_SECURE || req.secure, path: '/' });

  router.post('/auth/login', async (req, res) => {
    const { username, password } = parseInput(loginRequest, req.body);
    // IPv6 clients are counted by /56, as one household or host would hold them.
    const address = ipKeyGenerator(req.ip ?? '');
    const now = ctx.now();
    ctx.loginThrottle.begin(username, address, now);
    let session: NewSession;
    try {
      session = await logIn(ctx, username, password, { ip: req.ip });
    } catch (err) {
      if (!(err instanceof Unauthorized)) ctx.loginThrottle.withdraw(username, address, now);
      throw err;
    }
    ctx.loginThrottle.succeeded(username, address, now);
    res.cookie(SESSION_COOKIE, session.token, { ...cookieBase(req), httpOnly: true, maxAge: SESSION_TTL_MS });
    res.cookie(XSRF_COOKIE, session.csrfToken, { ...cookieBase(req), httpOnly: false, maxAge: SESSION_TTL_MS });
    res.json({ user: meOf(session.principal) });
  });

  router.post('/auth/logout', async (req, res) => {
    const principal = principalOf(req);
    const token = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof token === 'string') await logOut(ctx, token, principal.username);
    res.clearCookie(SESSION_COOKIE, cookieBase(req)).clearCookie(XSRF_COOKIE, cookieBase(req)).status(204).end();
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
