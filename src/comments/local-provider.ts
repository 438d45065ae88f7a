import { LIMITS } from 'lede-protocol/limits.js';
import type { Comment } from '../model.js';
import { LedeError } from '../shared/errors.js';
import type { CommentPage, CommentProvider, CommentSort, NewComment, PostedComment, ThreadEvent, ThreadEventHandlers } from './provider.js';

/** A comment as kept in IndexedDB, with what only this browser knows about it. */
interface StoredComment extends Omit<Comment, 'replies' | 'replyCount'> {
  token: string;
  key: string;
}

const invalid = (message: string, field?: string) => new LedeError('http', message, { status: 422, field });

/** `text` if it has from min to max characters (code points, as the server counts them), else a 422 naming `field`. */
function checked(text: string, limit: { min: number; max: number }, field: string, label: string): string {
  const length = [...text].length;
  if (length < limit.min || length > limit.max) throw invalid(`${label}: ${limit.min} to ${limit.max.toLocaleString('en')} characters.`, field);
  return text;
}

/** Direct replies of every comment, oldest first, and the visible nested form of one comment. */
function nest(records: StoredComment[]): { children: Map<string | null, StoredComment[]>; tree: (record: StoredComment) => Comment } {
  const children = new Map<string | null, StoredComment[]>();
  for (const record of records.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    children.set(record.parentId, [...(children.get(record.parentId) ?? []), record]);
  }
  const tree = ({ token: _token, key: _key, ...record }: StoredComment): Comment => {
    const replies = (children.get(record.id) ?? []).map(tree);
    return { ...record, replyCount: replies.length, ...(replies.length ? { replies } : {}) };
  };
  return { children, tree };
}

/**
 * Keeps comments in this browser's IndexedDB: for demos, prototypes and offline pages. Every
 * reader sees only their own comments; there is no moderation. Same rules as the reference
 * server for limits, idempotency keys, edit tokens and deleted placeholders.
 */
export class LocalCommentProvider implements CommentProvider {
  readonly #database: Promise<IDBDatabase>;
  /** Where changes are told: every provider on this database, in this tab and in the others, listens on its name. */
  readonly #channel: string;
  #sender?: BroadcastChannel;

  constructor(name = 'lede-comments') {
    this.#channel = `lede-comments:${name}`;
    this.#database = new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('comments', { keyPath: 'id' }).createIndex('thread', 'threadId');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new LedeError('network', `IndexedDB: ${request.error?.message}`));
    });
  }

  /** Runs one request in a transaction and resolves when the transaction has committed. */
  async #run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const transaction = (await this.#database).transaction('comments', mode);
    const request = work(transaction.objectStore('comments'));
    return new Promise((resolve, reject) => {
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () => reject(new LedeError('network', `IndexedDB: ${transaction.error?.message}`));
    });
  }

  #thread(threadId: string): Promise<StoredComment[]> {
    return this.#run('readonly', (store) => store.index('thread').getAll(threadId) as IDBRequest<StoredComment[]>);
  }

  #record(id: string): Promise<StoredComment | undefined> {
    return this.#run('readonly', (store) => store.get(id));
  }

  async #find(id: string, token?: string): Promise<StoredComment> {
    const record = await this.#record(id);
    if (!record) throw new LedeError('http', 'No such comment.', { status: 404 });
    if (token !== undefined && token !== record.token) throw new LedeError('http', 'Not your comment.', { status: 403 });
    return record;
  }

  #save(record: StoredComment): Promise<unknown> {
    return this.#run('readwrite', (store) => store.put(record));
  }

  /** Tells every listener on this database (`events`) what changed in `threadId`. */
  #tell(threadId: string, event: ThreadEvent): void {
    this.#sender ??= new BroadcastChannel(this.#channel);
    this.#sender.postMessage({ threadId, event });
  }

  /** Changes to `threadId` made through any provider on this database, in this tab or another. */
  events(threadId: string, handlers: ThreadEventHandlers): () => void {
    const channel = new BroadcastChannel(this.#channel);
    channel.onmessage = ({ data }: MessageEvent<{ threadId: string; event: ThreadEvent }>) => {
      if (data.threadId === threadId) handlers.event(data.event);
    };
    channel.onmessageerror = () => handlers.error();
    return () => channel.close();
  }

  async list(threadId: string, { sort, cursor, limit }: { sort: CommentSort; cursor?: string | null; limit: number }): Promise<CommentPage> {
    const records = await this.#thread(threadId);
    const { children, tree } = nest(records);
    const order: Record<CommentSort, (a: StoredComment, b: StoredComment) => number> = {
      newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
      oldest: (a, b) => a.createdAt.localeCompare(b.createdAt),
      top: (a, b) => b.score - a.score || b.createdAt.localeCompare(a.createdAt),
    };
    const top = (children.get(null) ?? []).sort(order[sort]);
    const start = Number(cursor) || 0;
    return {
      comments: top.slice(start, start + limit).map(tree),
      nextCursor: start + limit < top.length ? String(start + limit) : null,
      total: records.filter((record) => record.status === 'published').length,
    };
  }

  async replies(id: string): Promise<CommentPage> {
    const parent = await this.#find(id);
    const { children, tree } = nest(await this.#thread(parent.threadId));
    const comments = (children.get(id) ?? []).map(tree);
    return { comments, nextCursor: null, total: comments.length };
  }

  async post(threadId: string, { author, body, parentId }: NewComment, { idempotencyKey }: { idempotencyKey: string }): Promise<PostedComment> {
    const records = await this.#thread(threadId);
    const replayed = records.find((record) => record.key === idempotencyKey);
    const name = checked(author.name.trim(), LIMITS.name, 'author.name', 'Name');
    const text = checked(body.trim(), LIMITS.body, 'body', 'Comment');
    if (parentId && !records.some((record) => record.id === parentId && record.status === 'published')) throw invalid('No such comment to reply to.');
    const record: StoredComment = replayed ?? {
      id: crypto.randomUUID(),
      threadId,
      parentId: parentId ?? null,
      author: { name },
      body: text,
      createdAt: new Date().toISOString(),
      editedAt: null,
      status: 'published',
      score: 0,
      token: crypto.randomUUID(),
      key: idempotencyKey,
    };
    const comment = nest([record]).tree(record);
    if (!replayed) {
      await this.#save(record);
      this.#tell(threadId, { type: 'created', data: comment });
    }
    return { comment, editToken: record.token };
  }

  async get(id: string): Promise<Comment | null> {
    const record = await this.#record(id);
    return record ? nest([record]).tree(record) : null;
  }

  async edit(id: string, body: string, editToken: string): Promise<Comment> {
    const record = await this.#find(id, editToken);
    const edited = { ...record, body: checked(body.trim(), LIMITS.body, 'body', 'Comment'), editedAt: new Date().toISOString() };
    await this.#save(edited);
    const comment = nest([edited]).tree(edited);
    this.#tell(record.threadId, { type: 'edited', data: comment });
    return comment;
  }

  async delete(id: string, editToken: string): Promise<void> {
    const record = await this.#find(id, editToken);
    const hasReplies = (await this.#thread(record.threadId)).some((other) => other.parentId === id);
    // Like the server: a comment with replies stays as an erased placeholder.
    if (hasReplies) await this.#save({ ...record, author: { name: '' }, body: '', status: 'deleted' });
    else await this.#run('readwrite', (store) => store.delete(id));
    this.#tell(record.threadId, { type: 'deleted', data: { id } });
  }

  async vote(id: string, value: -1 | 0 | 1): Promise<{ score: number; vote: number }> {
    const record = await this.#find(id);
    // One voter, this browser: the score is its vote.
    await this.#save({ ...record, score: value });
    this.#tell(record.threadId, { type: 'votes', data: { id, score: value } });
    return { score: value, vote: value };
  }

  async report(id: string): Promise<void> {
    await this.#find(id);
  }

  async count(threadIds: string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const thread of threadIds) counts[thread] = (await this.#thread(thread)).filter((record) => record.status === 'published').length;
    return counts;
  }
}
