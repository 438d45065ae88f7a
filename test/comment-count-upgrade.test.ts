// Progressive enhancement: the text a page renders inside <lede-comment-count> shows before the
// element upgrades, and the count takes its place without moving what follows.
// This file defines <lede-comment-count> itself, after measuring, so nothing registers it early.
import { expect, fixture, html } from '@open-wc/testing';
import { commentCountPageCss } from '../src/comment-count/comment-count.layout.js';
import { LedeCommentCount } from '../src/comment-count/lede-comment-count.js';
import { defineElement } from '../src/shared/define.js';
import { control, endpoint, newThread, waitUntil } from './support/comment-api.js';

const round = (rect: DOMRect) => [rect.left, rect.top, rect.width, rect.height].map((value) => Math.round(value * 10) / 10);

describe('<lede-comment-count> upgrade', () => {
  before(async function () {
    this.timeout(60000);
    await control('reset');
  });

  it('keeps what follows where it was: left to right and right to left', async () => {
    const style = document.createElement('style');
    style.textContent = commentCountPageCss();
    document.head.append(style);
    const [english, arabic] = [newThread(), newThread()];
    await control('seed', { thread: english, comments: Array.from({ length: 12 }, (_, index) => ({ name: 'Ann', body: `Comment ${index}.` })) });
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <p style="inline-size: 600px"><lede-comment-count endpoint=${endpoint} thread=${english}><a href="#comments">Comments</a></lede-comment-count><span>After.</span></p>
        <p style="inline-size: 600px" lang="ar" dir="rtl"><lede-comment-count endpoint=${endpoint} thread=${arabic}><a href="#comments">التعليقات</a></lede-comment-count><span>بعد.</span></p>
      </div>
    `);
    const elements = [...container.querySelectorAll('lede-comment-count')];
    const boxes = () => elements.flatMap((element) => [element, element.nextElementSibling!].map((box) => round(box.getBoundingClientRect())));
    expect(customElements.get('lede-comment-count')).to.equal(undefined);
    const before = boxes();

    defineElement('lede-comment-count', LedeCommentCount);
    await waitUntil(() => elements.every((element) => element.shadowRoot?.querySelector('a')), 'the counts did not arrive', { timeout: 10000 });
    expect(elements.map((element) => element.shadowRoot!.querySelector('a')!.textContent)).to.deep.equal(['12 comments', 'لا تعليقات']);
    expect(boxes()).to.deep.equal(before);
    style.remove();
  });
});
