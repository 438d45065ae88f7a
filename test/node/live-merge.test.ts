// A live thread's changes merged into the comments on screen (src/comments/live-merge.ts), without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEvent, mergePage, type LiveState } from '../../src/comments/live-merge.js';
import type { Comment } from '../../src/model.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
const comment = (id: string, minute: number, extra: Partial<Comment> = {}): Comment => ({
  id,
  threadId: 't',
  parentId: null,
  author: { name: id },
  body: id,
  createdAt: at(minute),
  editedAt: null,
  status: 'published',
  score: 0,
  replyCount: 0,
  ...extra,
});
const ids = (comments: Comment[]): string[] => comments.flatMap((each) => [each.id, ...ids(each.replies ?? [])]);

const screen = (): LiveState => ({
  comments: [comment('b', 2, { replyCount: 1, replies: [comment('b1', 3, { parentId: 'b' })] }), comment('a', 1)],
  total: 3,
  waiting: [],
});

test('a new top-level comment waits, a reply to a comment on screen goes in place, and neither comes twice', () => {
  let { state, fresh } = applyEvent(screen(), { type: 'created', data: comment('c', 4) });
  assert.deepEqual([ids(state.comments), ids(state.waiting), state.total, fresh], [['b', 'b1', 'a'], ['c'], 4, []]);
  ({ state, fresh } = applyEvent(state, { type: 'created', data: comment('a1', 5, { parentId: 'a' }) }));
  assert.deepEqual([ids(state.comments), state.total, fresh], [['b', 'b1', 'a', 'a1'], 5, ['a1']]);
  assert.equal(state.comments[1]!.replyCount, 1);
  // The same events again (the reader's own comments, a replayed stream): nothing new.
  ({ state, fresh } = applyEvent(state, { type: 'created', data: comment('a1', 5, { parentId: 'a' }) }));
  ({ state } = applyEvent(state, { type: 'created', data: comment('c', 4) }));
  assert.deepEqual([ids(state.comments), ids(state.waiting), state.total, fresh], [['b', 'b1', 'a', 'a1'], ['c'], 5, []]);
});

test('edits, featuring, votes and deletions change comments where they are, keeping their replies', () => {
  let { state } = applyEvent(screen(), { type: 'edited', data: comment('b', 2, { body: 'changed', editedAt: at(9) }) });
  ({ state } = applyEvent(state, { type: 'featured', data: comment('a', 1, { featured: true }) }));
  ({ state } = applyEvent(state, { type: 'votes', data: { id: 'b1', score: 4 } }));
  assert.deepEqual(
    [state.comments[0]!.body, ids(state.comments), state.comments[1]!.featured, state.comments[0]!.replies![0]!.score],
    ['changed', ['b', 'b1', 'a'], true, 4],
  );
  ({ state } = applyEvent(state, { type: 'deleted', data: { id: 'b' } }));
  assert.deepEqual([state.comments[0]!.status, ids(state.comments), state.total], ['deleted', ['b', 'b1', 'a'], 2]);
  ({ state } = applyEvent(state, { type: 'deleted', data: { id: 'b1' } }));
  ({ state } = applyEvent(state, { type: 'deleted', data: { id: 'a' } }));
  assert.deepEqual([ids(state.comments), state.comments[0]!.replyCount, state.total], [['b'], 0, 0]);
});

test('a first page caught up with: new replies in place, newer comments wait, older ones and open forms stay', () => {
  const page = {
    comments: [
      comment('old', 0, { score: 9 }),
      comment('new', 6),
      comment('b', 2, { body: 'edited', replyCount: 2, replies: [comment('b1', 3, { parentId: 'b' }), comment('b2', 7, { parentId: 'b' })] }),
      comment('a', 1, { body: 'edited too' }),
    ],
    nextCursor: null,
    total: 7,
  };
  const { state, fresh } = mergePage(screen(), page, 'a');
  assert.deepEqual([ids(state.comments), ids(state.waiting), fresh, state.total], [['b', 'b1', 'b2', 'a'], ['new'], ['b2'], 7]);
  assert.deepEqual([state.comments[0]!.body, state.comments[0]!.replyCount, state.comments[1]!.body], ['edited', 2, 'a']);
  // Unchanged comments keep their identity, so their rows are not rendered again.
  const before = screen();
  assert.equal(mergePage(before, { comments: before.comments, nextCursor: null, total: 3 }).state.comments[1], before.comments[1]);
});
