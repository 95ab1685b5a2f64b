import type { RequestHandler } from 'express';
import type { PendingWork } from '../pending-work.js';

/** Counts each request as pending work until its response is over, and closes keep-alive connections once shutdown has begun. */
export function trackInFlight(pending: PendingWork): RequestHandler {
  return (req, res, next) => {
    const end = pending.begin(`${req.method} ${req.originalUrl.slice(0, 120)}`);
    res.once('close', end);
    if (pending.closing) res.setHeader('Connection', 'close');
    next();
  };
}
