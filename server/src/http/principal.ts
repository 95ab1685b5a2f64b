// Who is asking, as the request carries it: set by the authentication middleware, read by every route.
import type { RequestHandler, Request } from 'express';
import type { Role } from '../contract/common.js';
import { Forbidden, Unauthorized } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
    }
  }
}

export function principalOf(req: Request): Principal {
  if (!req.principal) throw new Unauthorized();
  return req.principal;
}

/** Lets the request through only for the given roles: 401 when anonymous, 403 otherwise. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const principal = principalOf(req);
    if (!roles.includes(principal.role)) throw new Forbidden();
    next();
  };
}
