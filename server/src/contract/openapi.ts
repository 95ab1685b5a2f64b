// The OpenAPI 3.0 document, generated from the zod schemas of the contract.
import { z } from 'zod';
import { APP_VERSION } from '../version.js';
import { problem } from './common.js';
import { operations, type Operation } from './operations.js';

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
}

/** Every operation's: what a person reads in its answer follows it (http/request-language.ts). */
const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  schema: { type: 'string', example: 'zh-CN,zh;q=0.9,en;q=0.8' },
  description:
    "The language of the messages a person reads (problems' title, detail and messages; a receipt's warnings): Chinese when zh is the best match, else English.",
};

function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function operationObject(op: Operation): Record<string, unknown> {
  const pathParams = [...op.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  const queryParams = op.query
    ? Object.entries((schemaOf(op.query, 'input') as { properties: Record<string, unknown>; required?: string[] }).properties).map(
        ([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema,
        }),
      )
    : [];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    const content = response.schema
      ? {
          [response.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json')]: {
            schema: schemaOf(response.schema, 'output'),
          },
        }
      : response.contentType
        ? { [response.contentType]: {} }
        : undefined;
    responses[status] = { description: response.description, ...(content ? { content } : {}) };
  }
  return {
    tags: [op.tag],
    summary: op.summary,
    description: `${op.description ?? ''}${op.description ? '\n\n' : ''}Roles: ${op.roles}.`,
    parameters: [...pathParams, ...queryParams, ...(op.headers ?? []), ACCEPT_LANGUAGE],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(Object.entries(op.body).map(([type, schema]) => [type, { schema: schemaOf(schema, 'input') }])),
          },
        }
      : {}),
    responses,
    ...(op.roles === 'anyone' ? { security: [] } : {}),
  };
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = toOpenApiPath(`/api/v1${op.path}`);
    paths[path] ??= {};
    paths[path][op.method] = operationObject(op);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Interop Monitor API',
      version: APP_VERSION,
      description:
        'Payment interconnection reports, the interconnection matrix and reference data. Errors are RFC 9457 problem details ' +
        '(application/problem+json) with a stable `code`; validation errors list every problem in `errors`. ' +
        "What a person reads — a problem's `title` and `detail`, each `errors[].message` and `warnings[].message` — is in Chinese when the request's Accept-Language prefers it (zh, zh-CN, zh-Hans…, q-values weighed), else in English; " +
        'such answers carry Vary: Accept-Language. Codes, paths, rows and columns are the same in both languages: a client keys on them. ' +
        'Cookie sessions must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header on state-changing requests; API keys are exempt. ' +
        'Any request may answer 503 with Retry-After when storage cannot take it (codes STORAGE_FULL, STORAGE_READ_ONLY, STORAGE_BUSY, ' +
        'STORAGE_UNAVAILABLE); the write it carried was not stored, in whole or in part, and may be sent again. ' +
        'No body is read before the request is authenticated: an anonymous request with a body is 401, except POST /auth/login (16 kB). ' +
        'JSON bodies are limited to 1 MB, except POST /reports (50 MB once decoded), and to 32 levels of nesting (400 JSON_TOO_DEEP); a larger body is 413 PAYLOAD_TOO_LARGE. ' +
        'Content-Encoding (gzip, deflate) is accepted on POST /reports only; elsewhere it is 415 UNSUPPORTED_CONTENT_ENCODING. ' +
        'Every string (and key) must be well-formed Unicode: a lone surrogate such as "\\ud800" anywhere in a JSON body is 422 with an error BAD_TEXT at its path, and nothing is stored ' +
        '(POST /auth/login answers such a username with 401 BAD_CREDENTIALS). ' +
        'Periods: a report is for a period from EARLIEST_PERIOD (a server setting, default 2015-01) to the current month (UTC), else 422 PERIOD_OUT_OF_RANGE; ' +
        'a query that names a period before EARLIEST_PERIOD is 422 PERIOD_OUT_OF_RANGE as well (a later period is answered as of the latest reports). ' +
        'A report stored before these checks for a period outside them stays readable (/reports/{id}) but starts no series, rules run or calendar.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'im_session' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An institution API key (imk_…).' },
      },
      schemas: { Problem: schemaOf(problem, 'output') },
    },
    security: [{ session: [] }, { apiKey: [] }],
    paths,
  };
}
