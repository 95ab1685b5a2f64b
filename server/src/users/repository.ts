import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import type { User } from '../contract/users.js';

export function toUser(row: UserRow): User {
  return {
    username: row.username,
    role: row.role as User['role'],
    institution: row.institution,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  };
}

export async function findUserRow(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser);
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, username: string, changes: Partial<Omit<UserRow, 'username'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('username', '=', username).execute();
}

export async function deleteSessionsOf(db: Db, username: string): Promise<void> {
  await db.deleteFrom('sessions').where('username', '=', username).execute();
}

/** Ends every session of the institution's users (it was deactivated). */
export async function deleteSessionsOfInstitution(db: Db, institution: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('username', 'in', (users) => users.selectFrom('users').select('username').where('institution', '=', institution))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
