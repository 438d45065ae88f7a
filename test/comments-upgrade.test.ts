// Progressive enhancement: a server-rendered heading keeps its place when <lede-comments>
// upgrades, and the space its thread takes is held from the start, so what follows stays put.
// This file defines <lede-comments> itself, after measuring, so nothing registers it early.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { commentsPageCss } from '../src/comments/comments.layout.js';
import { LedeComments } from '../src/comments/lede-comments.js';
import { defineElement } from '../src/shared/define.js';

const round = (rect: DOMRect) => [rect.left, rect.top, rect.width, rect.height].map((value) => Math.round(value * 10) / 10);

/** The heading, the element and what follows it. */
const boxes = (element: Element) =>
  [element.querySelector('[slot="heading"]')!, element, element.nextElementSibling!].map((box) => round(box.getBoundingClientRect()));

describe('<lede-comments> upgrade', () => {
  it('keeps its heading and what follows where they were: wide, narrow, right to left', async () => {
    const style = document.createElement('style');
    style.textContent = commentsPageCss();
    document.head.append(style);
    const comments = html`<lede-comments backend="local" thread="upgrade-test"><h2 slot="heading">Leave a Comment</h2></lede-comments><p>After the comments.</p>`;
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <div style="inline-size: 1000px">${comments}</div>
        <div style="inline-size: 320px">${comments}</div>
        <div style="inline-size: 600px" dir="rtl" lang="ar">${comments}</div>
      </div>
    `);
    const elements = [...container.querySelectorAll('lede-comments')];
    expect(customElements.get('lede-comments')).to.equal(undefined);
    const before = elements.map(boxes);
    // Wide, it keeps the article's measure rather than the page's width.
    expect(before[0]![1]![2]).to.be.lessThan(900);

    defineElement('lede-comments', LedeComments);
    // The first render: the shell, holding the thread's space while the thread loads.
    await Promise.all(elements.map((element) => LitElement.prototype['getUpdateComplete'].call(element)));
    elements.forEach((element, index) => {
      expect(element.shadowRoot!.querySelector('.skeleton'), `${index} skeleton`).to.exist;
      expect(boxes(element), `${index}`).to.deep.equal(before[index]);
    });
    style.remove();
    // Let the threads finish opening IndexedDB: a page torn down while the database is being
    // created leaves WebKit's next page unable to open it (its comments then never load).
    await waitUntil(() => elements.every((element) => !element.shadowRoot!.querySelector('.skeleton')), 'the local threads did not load', { timeout: 10000 });
  });
});
