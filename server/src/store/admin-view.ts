import type { AdminComment } from 'lede-protocol';
import { row, toAdminComment, type Db, type Row, type StoreContext } from './rows.js';

/** Comments as moderators see them: rows plus their authors' standing and report reasons, in two queries. */
export async function adminComments(db: Db, rows: Row[]): Promise<AdminComment[]> {
  if (rows.length === 0) return [];
  const keys = [...new Set(rows.map((found) => found.author_key))];
  const authors = await db.selectFrom('authors').selectAll().where('author_key', 'in', keys).execute();
  const standing = new Map(authors.map((author) => [author.author_key, author]));
  const reported = rows.filter((found) => Number(found.report_count) > 0).map((found) => found.id);
  const reasons =
    reported.length === 0
      ? []
      : await db
          .selectFrom('reports')
          .select((eb) => ['comment_id', 'reason', eb.fn.countAll<number>().as('count')])
          .where('comment_id', 'in', reported)
          .groupBy(['comment_id', 'reason'])
          .orderBy('count', 'desc')
          .orderBy('reason')
          .execute();
  return rows.map((found) => {
    const author = standing.get(found.author_key);
    return toAdminComment(found, {
      trusted: author?.trusted_at != null,
      banned: author?.banned_at != null,
      reportReasons: reasons.filter((entry) => entry.comment_id === found.id).map(({ reason, count }) => ({ reason, count: Number(count) })),
    });
  });
}

/** One comment as moderators see it, or 404. */
export async function adminComment(store: StoreContext, db: Db, id: string): Promise<AdminComment> {
  const [comment] = await adminComments(db, [await row(store, db, id)]);
  return comment!;
}
