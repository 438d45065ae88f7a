// The CDN bundle registers <lede-comment-count> only once a page has one (src/shared/define-when-used.ts).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineWhenUsed } from '../src/shared/define-when-used.js';

describe('defineWhenUsed', () => {
  it('loads nothing until the page has the element, then loads it once', async () => {
    const tag = `lede-lazy-${Math.random().toString(36).slice(2, 8)}`;
    let loads = 0;
    defineWhenUsed(tag, async () => {
      loads += 1;
      customElements.define(tag, class extends HTMLElement {});
    });
    const container = await fixture<HTMLDivElement>(html`<div><p>No element yet.</p></div>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).to.equal(0);
    container.innerHTML = `<section><${tag}></${tag}></section><${tag}></${tag}>`;
    await waitUntil(() => customElements.get(tag), 'the element was not loaded');
    container.append(document.createElement(tag));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads).to.equal(1);
  });

  it('loads at once when the page already has one', async () => {
    const tag = `lede-lazy-${Math.random().toString(36).slice(2, 8)}`;
    await fixture(html`<div></div>`).then((container) => container.append(document.createElement(tag)));
    let loads = 0;
    defineWhenUsed(tag, async () => void (loads += 1));
    await Promise.resolve();
    expect(loads).to.equal(1);
  });
});
