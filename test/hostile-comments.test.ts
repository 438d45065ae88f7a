import { expect } from '@open-wc/testing';
import '../src/comments.js';
import { control, endpoint, newThread, root } from './support/comment-api.js';
import { batches, check, hostilePage } from './support/hostile.js';

// Every hostile string as a comment's id, author name and body, from a server answering with them
// (the fault proxy's `answer` mode), 50 comments to a page; see test/support/hostile.ts for the checks.

const slices = batches(50, 40_000).filter((batch) => batch[0]!.length < 1 << 20);
const comment = (thread: string, vector: string, index: number) => ({
  id: vector,
  threadId: thread,
  parentId: null,
  author: { name: vector },
  body: vector,
  createdAt: new Date(Date.UTC(2024, 0, 2, 0, index)).toISOString(),
  editedAt: null,
  status: 'published',
  score: 0,
  replyCount: 0,
});
/** Shown: its comments listed, or its load error. */
const commentsSettled = (host: HTMLElement) => !!root(host).querySelector('article.comment, [role=alert]');
const commentsState = (host: HTMLElement) => (root(host).querySelector('[role=alert]') ? 'error' : 'content');

describe('hostile comments from the server', function () {
  this.timeout(30000);
  hostilePage();
  before(async function () {
    this.timeout(60000);
    await control('reset');
  });
  afterEach(() => control('reset'));

  slices.forEach((batch, index) => {
    it(`batch ${index + 1} of ${slices.length}`, async () => {
      const thread = newThread();
      const comments = batch.map((vector, at) => comment(thread, vector, at));
      await control('fault', {
        mode: 'answer',
        method: 'GET',
        path: '/threads/',
        status: 200,
        body: { comments, nextCursor: null, total: comments.length },
        count: 1,
      });
      const host = document.createElement('lede-comments');
      host.endpoint = new URL(endpoint, location.href).href;
      host.thread = thread;
      expect(await check([host], commentsSettled, commentsState, 15000)).to.deep.equal({ content: 1 });
      expect(root(host).querySelectorAll('article.comment').length, 'comments shown').to.equal(batch.length);
    });
  });
});
