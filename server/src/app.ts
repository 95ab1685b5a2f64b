// Builds the Express app from its parts; main.ts listens, tests call it on port 0.
import cookieParser from 'cookie-parser';
import express from 'express';
import swaggerUi from 'swagger-ui-express';
import type { AppContext } from './app-context.js';
import { agreementRoutes } from './agreements/routes.js';
import { analyticsRoutes } from './analytics/routes.js';
import { apiKeyRoutes } from './api-keys/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { caseRoutes } from './cases/routes.js';
import { buildOpenApiDocument } from './contract/openapi.js';
import { exportRoutes } from './exports/routes.js';
import { authenticate } from './http/authenticate.js';
import { clientApp } from './http/client-app.js';
import { healthRoutes } from './http/health.js';
import { trackInFlight } from './http/in-flight.js';
import { rejectIllFormedText } from './http/well-formed-body.js';
import { apiNotFound, problemHandler } from './http/problem-details.js';
import { requestBodies } from './http/request-body.js';
import { requestId } from './http/request-id.js';
import { noStore, securityHeaders } from './http/security-headers.js';
import { findingRoutes } from './findings/routes.js';
import { institutionLinkRoutes } from './institution-links/routes.js';
import { matrixRoutes } from './matrix/routes.js';
import { obligationRoutes } from './obligations/routes.js';
import { overviewRoutes } from './overview/routes.js';
import { referenceRoutes } from './reference/routes.js';
import { reportRoutes } from './reports/routes.js';
import { ruleRoutes } from './rules/routes.js';
import { userRoutes } from './users/routes.js';

export function buildApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Which proxies may name the client's address and scheme (TRUST_PROXY): nobody unless set, since
  // a believed X-Forwarded-For gives every guess a fresh login bucket.
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.use(trackInFlight(ctx.pending));
  app.use(requestId(ctx.logger));
  app.use(securityHeaders);

  const openApi = buildOpenApiDocument();
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(openApi, { customSiteTitle: 'Interop Monitor API' }));

  const api = express.Router();
  api.use(noStore);
  api.use(cookieParser());
  api.use(healthRoutes(ctx));
  api.use(authenticate(ctx));
  // Bodies are read only once the server knows who sends them (POST /reports reads its own).
  api.use(requestBodies());
  api.use(authRoutes(ctx));
  // After the login route, which answers any credentials it cannot match, ill-formed ones included,
  // with 401 (and records the attempt); every other body with ill-formed text is 422 BAD_TEXT.
  api.use(rejectIllFormedText);
  api.use(userRoutes(ctx));
  api.use(referenceRoutes(ctx));
  api.use(apiKeyRoutes(ctx));
  api.use(reportRoutes(ctx));
  api.use(matrixRoutes(ctx));
  api.use(analyticsRoutes(ctx));
  api.use(overviewRoutes(ctx));
  api.use(agreementRoutes(ctx));
  api.use(obligationRoutes(ctx));
  api.use(institutionLinkRoutes(ctx));
  api.use(findingRoutes(ctx));
  api.use(caseRoutes(ctx));
  api.use(ruleRoutes(ctx));
  api.use(auditRoutes(ctx));
  api.use(exportRoutes(ctx));
  app.use('/api/v1', api);
  app.use('/api', apiNotFound);

  app.use(clientApp(ctx.config.CLIENT_DIR));
  app.use(problemHandler(ctx.logger));
  return app;
}
