// Every operation of the public API with its schemas: the source of the OpenAPI document, and the
// list the route-walking tests check.
import { z } from 'zod';
import { problem } from './common.js';
import { cityList, institution, institutionList, institutionPatch, newInstitution } from './reference.js';
import { loginRequest, me, newUser, sessionAnswer, user, userPatch } from './users.js';
import * as analytics from './analytics-operations.js';
import * as audit from './audit-operations.js';
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
    method: 'get', path: '/health', tag: 'Operations', summary: 'Liveness and database check', roles: 'anyone',
    responses: { '200': { description: 'Up', schema: z.object({ status: z.literal('ok'), version: z.string(), db: z.string() }) } },
  },
  {
    method: 'get', path: '/openapi.json', tag: 'Operations', summary: 'This document', roles: 'anyone',
    responses: { '200': { description: 'OpenAPI 3.0 document' } },
  },
  {
    method: 'post', path: '/auth/login', tag: 'Sessions', summary: 'Log in', roles: 'anyone',
    description: 'Sets an httpOnly SameSite=Strict session cookie and a readable XSRF-TOKEN cookie. Five failed attempts per address and username, or fifty per address over all usernames, in 15 minutes give 429.',
    body: { 'application/json': loginRequest },
    responses: { '200': { description: 'Logged in', schema: z.object({ user: me }) }, '401': fail('Bad credentials'), '429': fail('Too many failed logins') },
  },
  {
    method: 'post', path: '/auth/logout', tag: 'Sessions', summary: 'Log out (ends the session on the server)', roles: 'any logged-in user',
    responses: { '204': { description: 'Logged out' }, ...unauthorized },
  },
  {
    method: 'get', path: '/auth/me', tag: 'Sessions', summary: 'Who am I', roles: 'any logged-in user or API key',
    responses: { '200': { description: 'The caller', schema: me }, ...unauthorized },
  },
  {
    method: 'get', path: '/auth/session', tag: 'Sessions', summary: 'Who is logged in, if anyone', roles: 'anyone',
    description: 'What a browser asks at start-up: 200 with `user` as /auth/me answers it for a logged-in user or API key, and `user: null` (not 401) for an anonymous visitor or an ended session. An unknown API key is still 401.',
    responses: { '200': { description: 'The caller, or null', schema: sessionAnswer }, '401': fail('Unknown or revoked API key') },
  },
  {
    method: 'get', path: '/users', tag: 'Users', summary: 'List users', roles: 'admin',
    responses: { '200': { description: 'Users', schema: userList }, ...unauthorized, ...forbidden },
  },
  {
    method: 'post', path: '/users', tag: 'Users', summary: 'Create a user', roles: 'admin',
    body: { 'application/json': newUser },
    responses: { '201': { description: 'Created', schema: user }, ...unauthorized, ...forbidden, '409': fail('Username taken'), ...invalid },
  },
  {
    method: 'patch', path: '/users/:username', tag: 'Users', summary: 'Change role, password or disabled flag', roles: 'admin',
    description: 'Any change of role or password, and disabling, ends the user\'s open sessions.',
    body: { 'application/json': userPatch },
    responses: { '200': { description: 'Changed', schema: user }, ...unauthorized, ...forbidden, ...notFound, ...invalid },
  },
  {
    method: 'get', path: '/institutions', tag: 'Reference data', summary: 'List institutions', roles: 'every role',
    responses: { '200': { description: 'Institutions', schema: institutionList }, ...unauthorized },
  },
  {
    method: 'get', path: '/institutions/:id', tag: 'Reference data', summary: 'One institution', roles: 'every role',
    responses: { '200': { description: 'Institution', schema: institution }, ...unauthorized, ...notFound },
  },
  {
    method: 'post', path: '/institutions', tag: 'Reference data', summary: 'Add an institution', roles: 'admin',
    body: { 'application/json': newInstitution },
    responses: { '201': { description: 'Created', schema: institution }, ...unauthorized, ...forbidden, '409': fail('Id taken'), ...invalid },
  },
  {
    method: 'patch', path: '/institutions/:id', tag: 'Reference data', summary: 'Change an institution', roles: 'admin',
    body: { 'application/json': institutionPatch },
    responses: { '200': { description: 'Changed', schema: institution }, ...unauthorized, ...forbidden, ...notFound, ...invalid },
  },
  {
    method: 'get', path: '/cities', tag: 'Reference data', summary: 'Prefecture-level cities (GB/T 2260)', roles: 'every role',
    responses: { '200': { description: 'Cities', schema: cityList }, ...unauthorized },
  },
  {
    method: 'post', path: '/institutions/:id/api-keys', tag: 'API keys', summary: 'Create an API key (shown once)', roles: 'admin, or a user of that institution (not an API key)',
    body: { 'application/json': z.strictObject({ name: z.string().max(100).optional() }) },
    responses: { '201': { description: 'The key; only its hash is stored', schema: apiKey.extend({ key: z.string() }) }, ...unauthorized, ...forbidden, ...notFound },
  },
  {
    method: 'get', path: '/institutions/:id/api-keys', tag: 'API keys', summary: 'List API keys without secrets', roles: 'admin, or a user of that institution',
    responses: { '200': { description: 'Keys', schema: z.object({ items: z.array(apiKey) }) }, ...unauthorized, ...forbidden, ...notFound },
  },
  {
    method: 'delete', path: '/institutions/:id/api-keys/:keyId', tag: 'API keys', summary: 'Revoke an API key (effective at once)', roles: 'admin, or a user of that institution',
    responses: { '204': { description: 'Revoked' }, ...unauthorized, ...forbidden, ...notFound },
  },
  ...reports.operations({ unauthorized, forbidden, notFound, invalid, fail }),
  ...analytics.operations({ unauthorized, forbidden, notFound, invalid }),
  ...overview.operations({ unauthorized, forbidden, invalid }),
  ...institutionViews.operations({ unauthorized, notFound, invalid }),
  ...findings.operations({ unauthorized, forbidden, notFound, invalid, fail }),
  ...audit.operations({ unauthorized, forbidden, notFound, invalid }),
  ...exports.operations({ unauthorized, forbidden, invalid }),
];
