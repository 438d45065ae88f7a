// The console's core flow against the reference server on PostgreSQL (the other console tests use
// SQLite): sign in, a held comment arriving live (LISTEN/NOTIFY), approve, reject with a reason,
// undo, the audit, and a closed thread refusing a reader's post.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/comments.js';
import '../src/moderation.js';
import type { LedeComments } from '../src/comments.js';
import type { LedeModeration } from '../src/moderation.js';
import { $, $$, control, endpoint, newThread, onServer, waitUntil } from './support/comment-api.js';
import { announced, filter, focusList, HOLD_WORD, names, seed, signIn } from './support/moderation.js';

before(async function () {
  this.timeout(120000);
  await control('reset', { postgres: true });
});

describe('<lede-moderation> on PostgreSQL', () => {
  it('signs in, takes a held comment live, approves, rejects with a reason, undoes, and closes the thread for readers', async function () {
    this.timeout(60000);
    const element = (await fixture<LedeModeration>(html`<lede-moderation src=${`${endpoint}/admin`}></lede-moderation>`)) as LedeModeration;
    await signIn(element, 'pg-mo');
    const thread = newThread();
    await seed(thread, [{ name: 'Ann', body: `Ann says ${HOLD_WORD}.` }]);
    await filter(element, { thread });
    expect(names(element)).to.deep.equal(['Ann']);
    // Wait until the event stream is open, so the comment is sent to it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await seed(thread, [{ name: 'Bo', body: `Bo says ${HOLD_WORD}.` }]);
    await waitUntil(() => names(element).includes('Bo'), 'the held comment did not arrive', { timeout: 10000 });
    expect(names(element)).to.deep.equal(['Bo', 'Ann']);

    // The moderator stays on the comment they were on when the new one arrived.
    await focusList(element);
    await sendKeys({ press: 'a' });
    await waitUntil(() => announced(element) === 'Approved: 1 comment', 'the comment was not approved');
    expect((await onServer(thread)).comments.map((comment) => comment.author.name)).to.deep.equal(['Ann']);
    const select = $<HTMLSelectElement>(element, '.reject-reason select')!;
    select.value = 'Spam';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    await sendKeys({ press: 'r' });
    await waitUntil(() => announced(element) === 'Rejected: 1 comment', 'the comment was not rejected');
    await sendKeys({ press: 'z' });
    await waitUntil(() => announced(element) === 'Undone.', 'the rejection was not undone');
    await waitUntil(() => $$(element, '.comment-audit li').length === 2, "no audit in the comment's context");
    expect($$(element, '.comment-audit .detail').map((detail) => detail.textContent)).to.deep.equal(['reject', 'Spam']);

    await waitUntil(() => $(element, '.thread-controls'), 'no thread controls');
    $<HTMLInputElement>(element, '.thread-controls [name=closed]')!.click();
    await waitUntil(() => announced(element) === 'Thread closed', 'the thread was not closed');
    const page = await fixture<LedeComments>(html`<lede-comments endpoint=${endpoint} thread=${thread}></lede-comments>`);
    await waitUntil(() => $(page, '.closed'), 'the reader was not told the thread is closed');
    expect($(page, '.closed')!.textContent).to.equal('Comments are closed.');
  });
});
