import { z } from 'zod';
import { role, slug, problemWords } from './common.js';

/** Names the record gives to no person: "system" acts for the rule engine, "anonymous" for failed logins. */
export const RESERVED_USERNAMES: readonly string[] = ['system', 'anonymous'];

export function isReservedUsername(name: string): boolean {
  return RESERVED_USERNAMES.includes(name.toLowerCase());
}

export const username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
    error: problemWords(
      'BAD_USERNAME',
      '2–64 lowercase letters, digits, dots, hyphens or underscores',
      '应为 2–64 位的小写字母、数字、点、连字符或下划线',
    ),
  })
  .refine((name) => !isReservedUsername(name), {
    error: problemWords(
      'RESERVED_USERNAME',
      `${RESERVED_USERNAMES.join(' and ')} name the system in the record`,
      `${RESERVED_USERNAMES.join('、')} 在记录中代表系统本身`,
    ),
  });
const password = z
  .string()
  .min(12, { error: problemWords('WEAK_PASSWORD', 'passwords need at least 12 characters', '密码至少需要 12 个字符') })
  .max(200);

export const user = z.object({
  username: z.string(),
  role,
  institution: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const newUser = z
  .strictObject({ username, password, role, institution: slug.optional() })
  .refine((u) => (u.role === 'institution') === (u.institution !== undefined), {
    error: problemWords(
      'INSTITUTION_REQUIRED',
      'an institution user names its institution, and only an institution user does',
      '机构用户须指明其机构，且只有机构用户可以指明机构',
    ),
    path: ['institution'],
  });

export const userPatch = z.strictObject({ role: role.optional(), password: password.optional(), disabled: z.boolean().optional() });

export const me = z.object({ username: z.string(), role, institution: z.string().optional() });
export type Me = z.infer<typeof me>;

/** GET /auth/session: who is logged in, or null for an anonymous visitor. */
export const sessionAnswer = z.object({ user: me.nullable() });
export type SessionAnswer = z.infer<typeof sessionAnswer>;

export const loginRequest = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
