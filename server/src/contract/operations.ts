// Every operation of the public API with its schemas: the source of the OpenAPI document, and the
// list the route-walking tests check.
import { z } from 'zod';
import { problem } from './common.js';
import { cityList, institution, institutionList, institutionPatch, newInstitution } from './reference.js';
import { loginRequest, me, newUser, sessionAnswer, user, userPatch } from './users.js';
import * as analytics from './analytics-operations.js';
import * as audit from './audit-operations.js';
import * as cases from './cases-operations.js';
import * as exports from './exports-operations.js';
import * as findings from './findings-operations.js';
import * as institutionViews from './institution-operations.js';
import * as overview from './overview-operations.js';
import * as reports from './reports-operations.js';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  roles: string;
  query?: z.ZodObject;
  body?: Record<string, z.ZodType>;
  headers?: Record<string, unknown>[];
  responses: Record<string, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const fail = (description: string) => ({ description, schema: problem });
const unauthorized = { '401': fail('Not logged in, or a bad API key.') };
const forbidden = { '403': fail('Role not allowed, or the CSRF header is missing.') };
const notFound = { '404': fail('No such resource (or not yours).') };
const invalid = { '422': fail('Validation failed; `errors` lists every problem.') };

const userList = z.object({ items: z.array(user) });
const apiKey = z.object({
  id: z.string(),
  institution: z.string(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const operations: Operation[] = [
  {
    method: 'get',
    path: '/health',
    tag: 'Operations',
    summary: 'Liveness and database check',
    roles: 'anyone',
    responses: { '200': { description: 'Up', schema: z.object({ status: z.literal('ok'), version: z.string(), db: z.string() }) } },
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'Operations',
    summary: 'This document',
    roles: 'anyone',
    responses: { '200': { description: 'OpenAPI 3.0 document' } },
  },
  {
    method: 'post',
    path: '/auth/login',
    tag: 'Sessions',
    summary: 'Log in',
    roles: 'anyone',
    description:
      'Sets an httpOnly SameSite=Strict session cookie and a readable XSRF-TOKEN cookie, both Secure when the request came over TLS (or COOKIE_SECURE is set). ' +
      'The session ends after SESSION_IDLE_MINUTES (default 30) without a request, and 12 hours after login in any case. ' +
      'A disabled user, or a user of a deactivated institution, gets the same 401 BAD_CREDENTIALS as a wrong password. ' +
      'Failed attempts are limited over 15-minute windows: five per address and username, fifty per address over all usernames, and twenty per username over all addresses ' +
      '(an address that has logged into the account within 30 days is exempt from the last); beyond, 429 RATE_LIMITED with Retry-After, until the window that filled ends. ' +
      'The address is the connection’s, or the one a proxy named in TRUST_PROXY forwards.',
    body: { 'application/json': loginRequest },
    responses: {
      '200': { description: 'Logged in', schema: z.object({ user: me }) },
      '401': fail('BAD_CREDENTIALS'),
      '429': fail('RATE_LIMITED: too many failed logins; Retry-After says when to try again'),
    },
  },
  {
    method: 'post',
    path: '/auth/logout',
    tag: 'Sessions',
    summary: 'Log out (ends the session on the server)',
    roles: 'any logged-in user',
    responses: { '204': { description: 'Logged out' }, ...unauthorized },
  },
  {
    method: 'get',
    path: '/auth/me',
    tag: 'Sessions',
    summary: 'Who am I',
    roles: 'any logged-in user or API key',
    responses: { '200': { description: 'The caller', schema: me }, ...unauthorized },
  },
  {
    method: 'get',
    path: '/auth/session',
    tag: 'Sessions',
    summary: 'Who is logged in, if anyone',
    roles: 'anyone',
    description:
      'What a browser asks at start-up: 200 with `user` as /auth/me answers it for a logged-in user or API key, and `user: null` (not 401) for an anonymous visitor or an ended session. An unknown API key is still 401.',
    responses: { '200': { description: 'The caller, or null', schema: sessionAnswer }, '401': fail('Unknown or revoked API key') },
  },
  {
    method: 'get',
    path: '/users',
    tag: 'Users',
    summary: 'List users',
    roles: 'admin',
    responses: { '200': { description: 'Users', schema: userList }, ...unauthorized, ...forbidden },
  },
  {
    method: 'post',
    path: '/users',
    tag: 'Users',
    summary: 'Create a user',
    roles: 'admin',
    description:
      'The names "system" and "anonymous", in any case, are the record’s own (the rule engine, failed logins): 422 RESERVED_USERNAME.',
    body: { 'application/json': newUser },
    responses: {
      '201': { description: 'Created', schema: user },
      ...unauthorized,
      ...forbidden,
      '409': fail('Username taken'),
      ...invalid,
    },
  },
  {
    method: 'patch',
    path: '/users/:username',
    tag: 'Users',
    summary: 'Change role, password or disabled flag',
    roles: 'admin',
    description: "Any change of role or password, and disabling, ends the user's open sessions.",
    body: { 'application/json': userPatch },
    responses: { '200': { description: 'Changed', schema: user }, ...unauthorized, ...forbidden, ...notFound, ...invalid },
  },
  {
    method: 'get',
    path: '/institutions',
    tag: 'Reference data',
    summary: 'List institutions',
    roles: 'every role',
    responses: { '200': { description: 'Institutions', schema: institutionList }, ...unauthorized },
  },
  {
    method: 'get',
    path: '/institutions/:id',
    tag: 'Reference data',
    summary: 'One institution',
    roles: 'every role',
    responses: { '200': { description: 'Institution', schema: institution }, ...unauthorized, ...notFound },
  },
  {
    method: 'post',
    path: '/institutions',
    tag: 'Reference data',
    summary: 'Add an institution',
    roles: 'admin',
    body: { 'application/json': newInstitution },
    responses: {
      '201': { description: 'Created', schema: institution },
      ...unauthorized,
      ...forbidden,
      '409': fail('Id taken'),
      ...invalid,
    },
  },
  {
    method: 'patch',
    path: '/institutions/:id',
    tag: 'Reference data',
    summary: 'Change an institution',
    roles: 'admin',
    description:
      'Deactivating (`active: false`) shuts the institution out at once: its users’ sessions end, their logins get 401 BAD_CREDENTIALS, its API keys get 401 BAD_API_KEY, ' +
      'and no new key is created for it (409 INSTITUTION_INACTIVE). Its reports, findings and audit entries stay readable to the central bank.',
    body: { 'application/json': institutionPatch },
    responses: { '200': { description: 'Changed', schema: institution }, ...unauthorized, ...forbidden, ...notFound, ...invalid },
  },
  {
    method: 'get',
    path: '/cities',
    tag: 'Reference data',
    summary: 'Prefecture-level cities (GB/T 2260)',
    roles: 'every role',
    responses: { '200': { description: 'Cities', schema: cityList }, ...unauthorized },
  },
  {
    method: 'post',
    path: '/institutions/:id/api-keys',
    tag: 'API keys',
    summary: 'Create an API key (shown once)',
    roles: 'admin, or a user of that institution (not an API key)',
    description:
      'At most API_KEYS_PER_DAY (default 10) keys a day per institution, whoever creates them: beyond, 429 API_KEY_RATE_LIMITED with Retry-After. A deactivated institution gets none (409 INSTITUTION_INACTIVE).',
    body: { 'application/json': z.strictObject({ name: z.string().max(100).optional() }) },
    responses: {
      '201': { description: 'The key; only its hash is stored', schema: apiKey.extend({ key: z.string() }) },
      ...unauthorized,
      ...forbidden,
      ...notFound,
      '409': fail('INSTITUTION_INACTIVE'),
      '429': fail('API_KEY_RATE_LIMITED: too many keys created for the institution today; Retry-After says when to try again'),
    },
  },
  {
    method: 'get',
    path: '/institutions/:id/api-keys',
    tag: 'API keys',
    summary: 'List API keys without secrets',
    roles: 'admin, or a user of that institution',
    responses: { '200': { description: 'Keys', schema: z.object({ items: z.array(apiKey) }) }, ...unauthorized, ...forbidden, ...notFound },
  },
  {
    method: 'delete',
    path: '/institutions/:id/api-keys/:keyId',
    tag: 'API keys',
    summary: 'Revoke an API key (effective at once)',
    roles: 'admin, or a user of that institution',
    responses: { '204': { description: 'Revoked' }, ...unauthorized, ...forbidden, ...notFound },
  },
  ...reports.operations({ unauthorized, forbidden, notFound, invalid, fail }),
  ...analytics.operations({ unauthorized, forbidden, notFound, invalid }),
  ...overview.operations({ unauthorized, forbidden, invalid }),
  ...institutionViews.operations({ unauthorized, notFound, invalid }),
  ...findings.operations({ unauthorized, forbidden, notFound, invalid, fail }),
  ...cases.operations({ unauthorized, forbidden, notFound, invalid, fail }),
  ...audit.operations({ unauthorized, forbidden, notFound, invalid }),
  ...exports.operations({ unauthorized, forbidden, invalid, fail }),
];
