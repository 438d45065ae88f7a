// The comment thread's stores, without a DOM, against the real reference server on a loopback port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from '../../src/comments/connection.js';
import { storageKeys, type OutboxEntry } from '../../src/comments/outbox.js';
import { OutboxStore } from '../../src/comments/outbox-store.js';
import type { PostedComment } from '../../src/comments/provider.js';
import { RestCommentProvider } from '../../src/comments/rest-provider.js';
import { ThreadStore } from '../../src/comments/thread-store.js';
import { LedeError, toLedeError } from '../../src/shared/errors.js';
import { listenApp, sqliteBackend, uniqueThread } from '../../server/test/helpers.js';

const backend = await sqliteBackend();
const { url } = await listenApp(backend, { minSubmitMs: 0 });

/** `localStorage` as the stores use it, in memory. */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  key = (index: number) => [...this.#items.keys()][index] ?? null;
  getItem = (key: string) => this.#items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.#items.set(key, value);
  removeItem = (key: string) => void this.#items.delete(key);
  clear = () => this.#items.clear();
}

/** A connection to `endpoint()`, asked again on every request, so a test can take the server away and back. */
function connect(endpoint = () => `${url}/api`) {
  const reported: LedeError[] = [];
  const connection: Connection = {
    request: async (work) => work(new RestCommentProvider(endpoint()), AbortSignal.timeout(5000)),
    report: (error) => {
      const failure = toLedeError(error);
      reported.push(failure);
      return failure;
    },
  };
  return { connection, reported };
}

/** Resolves once `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const post = (thread: string, body: string, parentId: string | null = null) =>
  new RestCommentProvider(`${url}/api`).post(thread, { author: { name: 'Ada' }, body, parentId }, { idempotencyKey: `key-${crypto.randomUUID()}` });

test('thread store: loads a page, counts changes, and keeps a comment posted while the page was loading', async () => {
  const thread = uniqueThread();
  await post(thread, 'first');
  const { connection } = connect();
  let changes = 0;
  const store = new ThreadStore(
    connection,
    () => (changes += 1),
    () => {},
    new MemoryStorage(),
  );
  const loading = store.load(thread, 'newest', 20);
  assert.equal(store.status, 'loading');
  // Stored after the page was read: the page does not have it, the store must keep it.
  store.posted(await post(thread, 'late'), 'newest');
  await loading;
  assert.equal(store.status, 'ready');
  // Whether or not the page was read before it was stored, it shows once, and is counted once.
  assert.deepEqual(store.comments.map((comment) => comment.body).sort(), ['first', 'late']);
  assert.equal(store.total, 2);
  assert.equal(store.loads, 1);
  assert.ok(changes >= 2);
  store.stop();
});

test('thread store: an older first-page load that answers last is dropped', async () => {
  const a = uniqueThread('a');
  const b = uniqueThread('b');
  await post(a, 'in a');
  await post(b, 'in b');
  const store = new ThreadStore(
    connect().connection,
    () => {},
    () => {},
    new MemoryStorage(),
  );
  const first = store.load(a, 'newest', 20);
  await store.load(b, 'newest', 20);
  await first;
  assert.deepEqual(
    store.comments.map((comment) => comment.body),
    ['in b'],
  );
  assert.equal(store.loads, 1);
});

test('thread store: own comments are kept in storage, edited and deleted with their token, and votes remembered', async () => {
  const thread = uniqueThread();
  const storage = new MemoryStorage();
  const store = new ThreadStore(
    connect().connection,
    () => {},
    () => {},
    storage,
  );
  store.open();
  await store.load(thread, 'newest', 20);
  store.posted(await post(thread, 'mine'), 'newest');
  const [mine] = store.comments;
  assert.equal(store.mine(mine!.id), true);
  assert.equal(store.total, 1);

  // Another element on the page (or a reload) restores the token from storage.
  const again = new ThreadStore(
    connect().connection,
    () => {},
    () => {},
    storage,
  );
  again.open();
  await again.load(thread, 'newest', 20);
  assert.equal(again.mine(mine!.id), true);
  await again.edit(mine!.id, 'mine, edited');
  assert.equal(again.comments[0]!.body, 'mine, edited');

  await again.vote(again.comments[0]!, 1);
  assert.equal(again.comments[0]!.score, 1);
  assert.deepEqual(JSON.parse(storage.getItem(storageKeys.votes)!), { [mine!.id]: 1 });
  // The same vote again withdraws it.
  await again.vote(again.comments[0]!, 1);
  assert.equal(again.comments[0]!.score, 0);
  assert.deepEqual(again.votes, {});

  await again.remove(again.comments[0]!);
  assert.deepEqual(again.comments, []);
  assert.equal(again.total, 0);
  assert.equal(again.mine(mine!.id), false);
  assert.equal(JSON.parse(storage.getItem(storageKeys.own)!)[mine!.id], undefined);
  store.stop();
  again.stop();
});

test('thread store: a reply page that never ends is cut off, and the failure rejects', async () => {
  const store = new ThreadStore(
    {
      request: (work) => work({ replies: async () => ({ comments: [], nextCursor: 'again', total: 1 }) } as never, AbortSignal.timeout(1000)),
      report: toLedeError,
    },
    () => {},
    () => {},
    new MemoryStorage(),
  );
  const parent = {
    id: 'p',
    threadId: 't',
    parentId: null,
    author: { name: 'A' },
    body: 'p',
    createdAt: '2026-01-01T00:00:00Z',
    editedAt: null,
    status: 'published' as const,
    score: 0,
    replyCount: 1,
  };
  await assert.rejects(store.loadReplies(parent), (error: LedeError) => error.code === 'invalid-data');
});

test('outbox store: a queued comment is sent once, leaves the outbox and its draft, and is handed over', async () => {
  const thread = uniqueThread();
  const storage = new MemoryStorage();
  const posted: PostedComment[] = [];
  const outbox = new OutboxStore(
    connect().connection,
    () => {},
    { posted: (result) => posted.push(result), failed: () => assert.fail('not to fail') },
    storage,
  );
  outbox.open(thread);
  outbox.setName('Ada');
  outbox.setDraft('', 'Hello');
  assert.equal(storage.getItem(storageKeys.draft(thread, null)), '"Hello"');
  outbox.shown('');
  outbox.queue('', outbox.name, 'Hello', '');
  assert.equal(outbox.entries.length, 1);
  assert.equal(outbox.draft(''), '');
  assert.equal(storage.getItem(storageKeys.draft(thread, null)), null);
  await until(() => posted.length === 1);
  assert.equal(posted[0]!.comment.body, 'Hello');
  assert.deepEqual(outbox.entries, []);
  assert.equal(outbox.sending.size, 0);
  assert.equal(storage.getItem(storageKeys.outbox(thread)), null);
  assert.equal(storage.getItem(storageKeys.name), '"Ada"');
  outbox.stop();
});

test('outbox store: unsent comments survive in storage and are retried, under the same key, until the server has them', async () => {
  const thread = uniqueThread();
  const storage = new MemoryStorage();
  // Nothing listens on port 9 of loopback: a network failure.
  let endpoint = 'http://127.0.0.1:9/api';
  const { connection, reported } = connect(() => endpoint);
  const failures: [LedeError, OutboxEntry, boolean][] = [];
  const posted: PostedComment[] = [];
  const outbox = new OutboxStore(connection, () => {}, { posted: (result) => posted.push(result), failed: (...args) => failures.push(args) }, storage);
  outbox.open(thread);
  outbox.queue('', 'Ada', 'Kept', '');
  await until(() => failures.length === 1);
  const [failure, entry, retrying] = failures[0]!;
  assert.equal(failure.code, 'network');
  assert.equal(retrying, true);
  assert.equal(entry.attempts, 1);
  assert.ok(entry.retryAt > Date.now() + 1000, 'the first retry waits about two seconds');
  assert.deepEqual(JSON.parse(storage.getItem(storageKeys.outbox(thread))!), JSON.parse(JSON.stringify([entry])));
  assert.equal(reported.length, 1);

  // A reload: a new store finds the entry and sends it at once, with its key.
  outbox.stop();
  endpoint = `${url}/api`;
  const reloaded = new OutboxStore(connection, () => {}, { posted: (result) => posted.push(result), failed: () => assert.fail('not to fail') }, storage);
  reloaded.open(thread);
  await until(() => posted.length === 1);
  assert.deepEqual(reloaded.entries, []);
  // The same key again is the same comment: stored once.
  const again = await new RestCommentProvider(endpoint).post(thread, entry.comment, { idempotencyKey: entry.key });
  assert.equal(again.comment.id, posted[0]!.comment.id);
  assert.equal((await new RestCommentProvider(endpoint).list(thread, { sort: 'newest', limit: 20 })).total, 1);
  reloaded.stop();
});

test('outbox store: a failed attempt is retried on its schedule', async () => {
  const thread = uniqueThread();
  let endpoint = 'http://127.0.0.1:9/api';
  const posted: PostedComment[] = [];
  const failures: boolean[] = [];
  const outbox = new OutboxStore(
    connect(() => endpoint).connection,
    () => {},
    { posted: (result) => posted.push(result), failed: (_failure, _entry, retrying) => failures.push(retrying) },
    new MemoryStorage(),
  );
  outbox.open(thread);
  outbox.queue('', 'Ada', 'Later', '');
  await until(() => failures.length === 1);
  endpoint = `${url}/api`;
  // 2 s ± 20 %, and then the timer's own slack.
  await until(() => posted.length === 1, 4000);
  assert.deepEqual(failures, [true]);
  outbox.stop();
});

test('outbox store: a comment refused for good leaves the outbox and goes back to its draft', async () => {
  const thread = uniqueThread();
  const failures: [LedeError, boolean][] = [];
  const outbox = new OutboxStore(
    connect().connection,
    () => {},
    { posted: () => assert.fail('not to post'), failed: (failure, _entry, retrying) => failures.push([failure, retrying]) },
    new MemoryStorage(),
  );
  outbox.open(thread);
  const body = 'x'.repeat(5001);
  outbox.queue('', 'Ada', body, '');
  await until(() => failures.length === 1);
  assert.equal(failures[0]![1], false);
  assert.equal(failures[0]![0].status, 422);
  assert.equal(failures[0]![0].field, 'body');
  assert.deepEqual(outbox.entries, []);
  assert.equal(outbox.draft(''), body);
  outbox.stop();
});
