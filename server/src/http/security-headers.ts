import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Scripts only from our own origin. Inline styles are allowed because ngx-charts and Angular
 * Material set style attributes at run time; inline scripts never are.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
});

/**
 * API answers hold one user's view of the record: no browser or proxy keeps them, so that whoever
 * uses the browser after a logout finds none in its cache. A route whose answer is the same for
 * everyone (the city registry) sets its own.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
