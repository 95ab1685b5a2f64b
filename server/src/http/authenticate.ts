// Resolves who is asking (API key or session cookie) and enforces the CSRF double-submit check
// for state-changing requests that ride on a cookie.
import type { RequestHandler } from 'express';
import type { AppContext } from '../app-context.js';
import { findLiveKeyByHash } from '../api-keys/repository.js';
import { principalForSession } from '../auth/session-service.js';
import { hashSecret } from '../auth/tokens.js';
import { Forbidden, Unauthorized } from '../domain/errors.js';

export const SESSION_COOKIE = 'im_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const authorization = req.get('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const key = match && (await findLiveKeyByHash(ctx.db, hashSecret(match[1])));
      if (!key) throw new Unauthorized({ en: 'The API key is unknown or revoked.', zh: 'API 密钥未知或已吊销。' }, 'BAD_API_KEY');
      req.principal = { username: `key:${key.id}`, role: 'institution', institution: key.institution, via: 'api-key', apiKeyId: key.id };
      return next();
    }
    const token = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof token === 'string' && token) {
      const session = await principalForSession(ctx, token);
      if (session) {
        if (!SAFE_METHODS.has(req.method) && req.get(XSRF_HEADER) !== session.csrfToken) {
          throw new Forbidden(
            { en: 'Send the XSRF-TOKEN cookie back in the X-XSRF-TOKEN header.', zh: '请在 X-XSRF-TOKEN 请求头中回传 XSRF-TOKEN cookie。' },
            'CSRF_TOKEN_MISMATCH',
          );
        }
        req.principal = session.principal;
      }
    }
    next();
  };
}
