import { test } from 'node:test';
import assert from 'node:assert/strict';
import { characterCount, commentParagraphs, hasVisibleCharacter, linkTarget } from '../../src/comments/comment-text.js';
import { checkComment, checkedProvider, checkPage, checkPosted } from '../../src/comments/answers.js';
import type { CommentProvider } from '../../src/comments/provider.js';
import { freshOwnComments, hasStoredWork, OWN_COMMENT_TTL, readStored, retryDelay, storageKeys, writeStored } from '../../src/comments/outbox.js';
import { appendUnique, chunk, findComment, flattenThread, insertComment, rowKey, updateComment } from '../../src/comments/thread.js';
import type { Comment } from '../../src/model.js';
import { isRetryable, LedeError } from '../../src/shared/errors.js';
import { growth } from './growth.js';

const comment = (id: string, replies: Comment[] = [], extra: Partial<Comment> = {}): Comment => ({
  id,
  threadId: 't',
  parentId: null,
  author: { name: `Author ${id}` },
  body: id,
  createdAt: '2026-01-05T09:00:00.000Z',
  editedAt: null,
  status: 'published',
  score: 0,
  replyCount: replies.length,
  ...(replies.length ? { replies: replies.map((reply) => ({ ...reply, parentId: id })) } : {}),
  ...extra,
});

test('comment text: paragraphs at blank lines, line breaks kept, links only for http(s)', () => {
  assert.deepEqual(commentParagraphs('One\r\ntwo\n\n\n  Three  \n'), [['One', { br: true }, 'two'], ['Three']]);
  assert.deepEqual(commentParagraphs('See https://example.com/a_(b), and www.example.org.'), [
    [
      'See ',
      { href: 'https://example.com/a_(b)', text: 'https://example.com/a_(b)' },
      ', and ',
      { href: 'https://www.example.org/', text: 'www.example.org' },
      '.',
    ],
  ]);
  assert.deepEqual(commentParagraphs('(https://example.com/x)'), [['(', { href: 'https://example.com/x', text: 'https://example.com/x' }, ')']]);
  for (const text of ['javascript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'JaVaScRiPt:alert(1)', 'https://', 'ftp://example.com']) {
    assert.deepEqual(commentParagraphs(text), [[text]], text);
  }
  assert.deepEqual(commentParagraphs('https://example.com/"><img src=x>'), [[{ href: 'https://example.com/', text: 'https://example.com/' }, '"><img src=x>']]);
  assert.equal(linkTarget('javascript:alert(1)'), undefined);
  assert.equal(linkTarget('HTTPS://EXAMPLE.COM'), 'https://example.com/');
  assert.deepEqual(commentParagraphs('   \n\n  '), []);
});

test('comment text: links take time in proportion to the text, however much punctuation trails them', () => {
  assert.deepEqual(commentParagraphs('see https://a.example/x).!?'), [['see ', { href: 'https://a.example/x', text: 'https://a.example/x' }, ').!?']]);
  for (const filler of ['.', ').']) {
    const ratio = growth(commentParagraphs, (size) => `https://a.example/${filler.repeat(size)}x`, 1000);
    assert.ok(ratio < 3, `"${filler}" × n: each doubling of n multiplied the time by ${ratio.toFixed(1)}`);
  }
});

test('comment text: characters are counted as code points, as the server counts them', () => {
  assert.equal(characterCount('😀é'), 2);
  assert.equal(characterCount('\uD800'.repeat(80)), 80);
  for (const text of ['\u200B', '\u200C\u200D', '\u2060', '\u3164', '\u115F', '\u2800', '\u{E0041}', '\u0301', '\u00AD', ' \n\t']) {
    assert.equal(hasVisibleCharacter(text), false, escape(text));
  }
  for (const text of ['Admin\u200B', 'é', '👩\u200D💻', '\u0627\u200C\u0628', '\uD800']) assert.equal(hasVisibleCharacter(text), true, escape(text));
  assert.equal('😀'.length, 2);
});

test('thread: depth is capped, deeper replies name whom they answer, "more" rows follow shown replies', () => {
  const deep = comment('a', [comment('b', [comment('c', [comment('d', [comment('e')])])])]);
  const partial = comment('p', [comment('q')], { replyCount: 3 });
  const rows = flattenThread([deep, partial], 2);
  assert.deepEqual(
    rows.map((row) => ('comment' in row ? [row.comment.id, row.depth, row.replyingTo] : ['more', row.depth, row.count])),
    [
      ['a', 0, undefined],
      ['b', 1, undefined],
      ['c', 2, undefined],
      ['d', 2, 'Author c'],
      ['e', 2, 'Author d'],
      ['p', 0, undefined],
      ['q', 1, undefined],
      ['more', 1, 2],
    ],
  );
});

test('thread: a chain of 20,000 replies flattens without exhausting the stack', () => {
  let tail = comment('n0');
  for (let index = 1; index < 20_000; index += 1) tail = comment(`n${index}`, [tail]);
  assert.equal(flattenThread([tail]).length, 20_000);
});

test('thread: changes are immutable and unchanged comments keep their identity', () => {
  const thread = [comment('a', [comment('b')]), comment('c')];
  const before = flattenThread(thread);
  const changed = updateComment(thread, 'b', (old) => ({ ...old, score: 5 }));
  assert.equal(changed[1], thread[1]);
  assert.notEqual(changed[0], thread[0]);
  assert.equal(thread[0]!.replies![0]!.score, 0);
  const after = flattenThread(changed);
  assert.equal(rowKey(after[2]!), rowKey(before[2]!), 'the untouched comment keeps its key');
  assert.notEqual(rowKey(after[1]!), rowKey(before[1]!));
  assert.notEqual(rowKey(after[0]!), rowKey(before[0]!), 'the parent of a changed reply changes');
  assert.equal(updateComment(thread, 'missing', () => comment('x'))[0], thread[0]);
});

test('thread: inserting, appending without duplicates, finding, chunking', () => {
  const thread = [comment('a'), comment('b')];
  const reply = { ...comment('r'), parentId: 'a' };
  const withReply = insertComment(thread, reply, false);
  assert.equal(withReply[0]!.replyCount, 1);
  assert.deepEqual(
    withReply[0]!.replies!.map((c) => c.id),
    ['r'],
  );
  assert.deepEqual(
    insertComment(thread, comment('n'), false).map((c) => c.id),
    ['n', 'a', 'b'],
  );
  assert.deepEqual(
    insertComment(thread, comment('n'), true).map((c) => c.id),
    ['a', 'b', 'n'],
  );
  assert.deepEqual(
    appendUnique(thread, [comment('b'), comment('c')]).map((c) => c.id),
    ['a', 'b', 'c'],
  );
  assert.equal(findComment(withReply, 'r')?.id, 'r');
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
});

test('answers: pages, posted comments and votes are checked field by field, at any depth', async () => {
  const page = { comments: [comment('a', [comment('b')])], nextCursor: null, total: 2 };
  assert.equal(checkPage(page), page);
  const fieldOf = (check: () => unknown) => {
    try {
      check();
    } catch (error) {
      assert.ok(error instanceof LedeError && error.code === 'invalid-data', String(error));
      return error.field;
    }
    return 'accepted';
  };
  assert.equal(
    fieldOf(() => checkPage(null)),
    'page',
  );
  assert.equal(
    fieldOf(() => checkPage({ ...page, comments: { 0: comment('a') } })),
    'comments',
  );
  assert.equal(
    fieldOf(() => checkPage({ ...page, nextCursor: 7 })),
    'nextCursor',
  );
  assert.equal(
    fieldOf(() => checkPage({ ...page, total: '2' })),
    'total',
  );
  const broken: [Partial<Record<keyof Comment, unknown>>, string][] = [
    [{ author: null }, 'author'],
    [{ author: { name: 3 } }, 'author.name'],
    [{ body: null }, 'body'],
    [{ status: 'spam' }, 'status'],
    [{ score: Number.NaN }, 'score'],
    [{ replyCount: '1' }, 'replyCount'],
    [{ replies: 'none' }, 'replies'],
  ];
  for (const [change, field] of broken) {
    const reply = { ...comment('b'), ...change };
    assert.equal(
      fieldOf(() => checkPage({ ...page, comments: [comment('a', [reply as Comment])] })),
      `comments[0].replies[0].${field}`,
    );
  }
  assert.equal(
    fieldOf(() => checkPage({ ...page, comments: [{ ...comment('a'), parentId: 5 }] })),
    'comments[0].parentId',
  );
  assert.equal(
    fieldOf(() => checkPosted({ comment: comment('a') })),
    'editToken',
  );
  assert.equal(
    fieldOf(() => checkPosted({ editToken: 't' })),
    'comment',
  );
  let chain = comment('n0');
  for (let index = 1; index < 20_000; index += 1) chain = comment(`n${index}`, [chain]);
  assert.equal(checkComment(chain), chain);
  const provider = { vote: async () => ({ score: 'lots' }), get: async () => null } as unknown as CommentProvider;
  await assert.rejects(checkedProvider(provider).vote('a', 1), (error) => error instanceof LedeError && error.field === 'score');
  assert.equal(await checkedProvider(provider).get!('a'), null);
});

test('outbox: retries network failures, timeouts, garbled or incomplete answers, 5xx, 408 and 429, nothing else', () => {
  const http = (status: number) => new LedeError('http', 'x', { status });
  for (const error of [
    new LedeError('network', 'x'),
    new LedeError('timeout', 'x'),
    new LedeError('invalid-json', 'x'),
    new LedeError('invalid-data', 'x'),
    http(500),
    http(503),
    http(429),
    http(408),
  ]) {
    assert.equal(isRetryable(error), true, `${error.code} ${error.status}`);
  }
  for (const status of [400, 403, 404, 409, 413, 422]) assert.equal(isRetryable(http(status)), false, String(status));
});

test('outbox: backoff doubles from 2 s to a minute with ±20 % jitter, never before Retry-After', () => {
  assert.equal(
    retryDelay(1, 0, () => 0.5),
    2000,
  );
  assert.equal(
    retryDelay(2, 0, () => 0.5),
    4000,
  );
  assert.equal(
    retryDelay(10, 0, () => 0.5),
    60_000,
  );
  assert.equal(
    retryDelay(1, 0, () => 0),
    1600,
  );
  assert.equal(
    retryDelay(1, 0, () => 1),
    2400,
  );
  assert.equal(
    retryDelay(1, 90, () => 0.5),
    90_000,
  );
  // A Retry-After of weeks would overflow setTimeout and keep a reader's comment for good.
  assert.equal(
    retryDelay(1, 3_000_000, () => 0.5),
    3_600_000,
  );
  assert.equal(
    retryDelay(1, Infinity, () => 0.5),
    3_600_000,
  );
});

test('outbox: storage keys separate threads and reply drafts; unreadable or refused storage never throws', () => {
  assert.notEqual(storageKeys.draft('t', null), storageKeys.draft('t', 'c1'));
  assert.notEqual(storageKeys.outbox('a'), storageKeys.outbox('b'));
  const items = new Map<string, string>();
  const storage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  } as Storage;
  assert.equal(writeStored(storage, 'k', ['x']), true);
  assert.deepEqual(readStored(storage, 'k', []), ['x']);
  writeStored(storage, 'k', []);
  assert.equal(items.has('k'), false);
  items.set('bad', '{not json');
  assert.deepEqual(readStored(storage, 'bad', { fallback: true }), { fallback: true });
  const full = {
    ...storage,
    setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    },
  } as Storage;
  assert.equal(writeStored(full, 'k', 'text'), false);
  assert.equal(writeStored(undefined, 'k', 'text'), false);
  assert.deepEqual(readStored(undefined, 'k', 'none'), 'none');
});

test('outbox: a thread has stored work while it has unsent comments or a draft, top-level or reply', () => {
  const items = new Map<string, string>();
  const storage = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
  } as Storage;
  items.set(storageKeys.name, '"Dana"');
  items.set(storageKeys.outbox('other'), '[{}]');
  assert.equal(hasStoredWork(storage, 't'), false);
  items.set(storageKeys.draft('t', 'c1'), '"A reply"');
  assert.equal(hasStoredWork(storage, 't'), true);
  items.clear();
  items.set(storageKeys.draft('t', null), '"Top"');
  assert.equal(hasStoredWork(storage, 't'), true);
  items.clear();
  items.set(storageKeys.outbox('t'), '[{}]');
  assert.equal(hasStoredWork(storage, 't'), true);
  assert.equal(hasStoredWork(undefined, 't'), false);
  const blocked = {
    get length(): number {
      throw new DOMException('blocked', 'SecurityError');
    },
  } as Storage;
  assert.equal(hasStoredWork(blocked, 't'), false);
});

test('outbox: own comments are forgotten after a week', () => {
  const now = Date.now();
  const kept = freshOwnComments({ old: { token: 'a', at: now - OWN_COMMENT_TTL - 1 }, new: { token: 'b', at: now - 1000 } }, now);
  assert.deepEqual(Object.keys(kept), ['new']);
});
