import type { ActionResult } from 'lede-protocol';
import { notFound } from '../errors.js';
import { audit } from './audit.js';
import { write, type Db, type StoreContext } from './rows.js';
import { requireUnchanged, saveUndo, type AuthorState, type UndoRecord } from './undo.js';

export type StandingAction = 'trust' | 'untrust' | 'ban' | 'unban';

/** Whether an author's comments skip pre-moderation (trusted) or are held or refused (banned). */
export async function authorStanding(db: Db, authorKey: string): Promise<{ trusted: boolean; banned: boolean }> {
  const found = await readStanding(db, authorKey);
  return { trusted: found.trusted_at !== null, banned: found.banned_at !== null };
}

async function readStanding(db: Db, authorKey: string): Promise<AuthorState> {
  const found = await db.selectFrom('authors').select(['trusted_at', 'banned_at']).where('author_key', '=', authorKey).executeTakeFirst();
  return { trusted_at: found?.trusted_at == null ? null : Number(found.trusted_at), banned_at: found?.banned_at == null ? null : Number(found.banned_at) };
}

async function writeStanding(trx: Db, authorKey: string, state: AuthorState): Promise<void> {
  await trx
    .insertInto('authors')
    .values({ author_key: authorKey, ...state })
    .onConflict((oc) => oc.column('author_key').doUpdateSet(state))
    .execute();
}

/** The standing after an action; trust and ban exclude each other. */
function nextStanding(current: AuthorState, action: StandingAction, now: number): AuthorState {
  switch (action) {
    case 'trust':
      return { trusted_at: current.trusted_at ?? now, banned_at: null };
    case 'untrust':
      return { ...current, trusted_at: null };
    case 'ban':
      return { trusted_at: null, banned_at: current.banned_at ?? now };
    case 'unban':
      return { ...current, banned_at: null };
  }
}

/** Trusts, bans or lifts either for an author known by their comments; audited and undoable. */
export function changeStanding(
  store: StoreContext,
  authorKey: string,
  action: StandingAction,
  { actor, now }: { actor: string; now: number },
): Promise<ActionResult> {
  return write(store, async (trx) => {
    const known = await trx.selectFrom('comments').select('id').where('author_key', '=', authorKey).limit(1).executeTakeFirst();
    if (!known) throw notFound('Author');
    const before = await readStanding(trx, authorKey);
    const after = nextStanding(before, action, now);
    await writeStanding(trx, authorKey, after);
    const undo = await saveUndo(trx, { action, commentId: null, authorKey, before, after }, now);
    await audit(trx, { actor, action, authorKey }, now);
    return { undo };
  });
}

/** An undo of a trust or ban action, unless the author's standing changed again since. */
export async function restoreStanding(trx: Db, { authorKey, before, after }: UndoRecord<AuthorState>): Promise<void> {
  requireUnchanged(await readStanding(trx, authorKey!), after);
  await writeStanding(trx, authorKey!, before);
}
