import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface ModeratorRow {
  name: string;
  createdAt: number;
}

export interface SessionRow {
  moderator: string;
  createdAt: number;
  expiresAt: number;
}

/** Moderator accounts, their sessions and failed sign-ins; every value a bound parameter. */
export class ModeratorStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** False when the name is taken. */
  async add(name: string, passwordHash: string, now: number): Promise<boolean> {
    const result = await this.db
      .insertInto('moderators')
      .values({ name, password_hash: passwordHash, created_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Removes the account and ends its sessions; false when there was none. */
  remove(name: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('admin_sessions').where('moderator', '=', name).execute();
      const result = await trx.deleteFrom('moderators').where('name', '=', name).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    });
  }

  async list(): Promise<ModeratorRow[]> {
    const rows = await this.db.selectFrom('moderators').select(['name', 'created_at']).orderBy('name').execute();
    return rows.map((row) => ({ name: row.name, createdAt: Number(row.created_at) }));
  }

  async any(): Promise<boolean> {
    return (await this.db.selectFrom('moderators').select('name').limit(1).executeTakeFirst()) !== undefined;
  }

  async passwordHash(name: string): Promise<string | undefined> {
    return (await this.db.selectFrom('moderators').select('password_hash').where('name', '=', name).executeTakeFirst())?.password_hash;
  }

  /** Opens a session, and drops the ones that ended (sign-ins are rare enough to carry that). */
  async createSession(tokenHash: string, moderator: string, now: number, expiresAt: number): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
    await this.db.insertInto('admin_sessions').values({ token_hash: tokenHash, moderator, created_at: now, expires_at: expiresAt }).execute();
  }

  /** The session with this token hash, if it has not ended. */
  async session(tokenHash: string, now: number): Promise<SessionRow | undefined> {
    const row = await this.db
      .selectFrom('admin_sessions')
      .select(['moderator', 'created_at', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && { moderator: row.moderator, createdAt: Number(row.created_at), expiresAt: Number(row.expires_at) };
  }

  async extendSession(tokenHash: string, expiresAt: number): Promise<void> {
    await this.db.updateTable('admin_sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('token_hash', '=', tokenHash).execute();
  }

  /**
   * Counts one sign-in attempt against `key` in a fixed window and answers the count so far:
   * one atomic upsert, so parallel guesses cannot all slip under the limit, and processes sharing
   * Postgres count together. Kept in `rate_limits`, whose purge drops ended windows.
   */
  async countAttempt(key: string, windowMs: number, now: number): Promise<{ count: number; resetAt: number }> {
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, count: 1, reset_at: now + windowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.count + 1 end`,
          reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then ${now + windowMs} else rate_limits.reset_at end`,
        }),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetAt: Number(row.reset_at) };
  }

  /** Takes back an attempt that succeeded: the limits count failures. */
  async forgiveAttempt(key: string): Promise<void> {
    await this.db
      .updateTable('rate_limits')
      .set({ count: sql<number>`count - 1` })
      .where('key', '=', key)
      .where('count', '>', 0)
      .execute();
  }
}
