// Progressive enhancement: server-rendered content must be readable before the element is
// defined and must not move when it upgrades. This file defines <lede-article> itself, after
// measuring, so nothing registers it early.
import { expect, fixture, html } from '@open-wc/testing';
import { articlePageCss } from '../src/article/article.layout.js';
import { LedeArticle } from '../src/article/lede-article.js';
import { defineElement } from '../src/shared/define.js';

const round = (rect: DOMRect, rtl = false) => [rtl ? rect.right : rect.left, rect.top, rect.width, rect.height].map((value) => Math.round(value * 10) / 10);

/** Each child's box as [inline-start edge, top, width, height]. */
function boxes(root: Element): Record<string, number[]> {
  const result: Record<string, number[]> = {};
  [...root.children].forEach((child, index) => {
    const rtl = getComputedStyle(child).direction === 'rtl';
    if (child.tagName !== 'SCRIPT') result[`${index}:${child.tagName}:${child.getAttribute('slot') ?? ''}`] = round(child.getBoundingClientRect(), rtl);
  });
  return result;
}

describe('<lede-article> upgrade', () => {
  it('lays out server-rendered content identically before and after the upgrade', async () => {
    const style = document.createElement('style');
    style.textContent = articlePageCss();
    document.head.append(style);
    const article = html`
      <lede-article>
        <p slot="kicker">LATEST DEVELOPMENTS</p>
        <h1 slot="headline">U.S. Secretary of State Antony Blinken Seeks Humanitarian Pauses in Gaza War</h1>
        <p slot="dek">Blinken met Israel's prime minister as the death toll rose.</p>
        <p slot="byline">By time news</p>
        <p slot="date"><time datetime="2023-11-03">November 3, 2023</time></p>
        <p>U.S. Secretary of State Antony Blinken has arrived in Tel Aviv to meet with Israeli Prime Minister Benjamin Netanyahu.</p>
        <h2>Talks in Amman</h2>
        <p>Blinken expressed deep concern over the situation.</p>
        <blockquote>It hits me in the gut.</blockquote>
        <p>Blinken is scheduled to meet Jordan's Foreign Minister Ayman Safadi in Amman on Saturday.</p>
      </lede-article>
    `;
    // A desktop column, a phone, and a right-to-left page.
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <div style="inline-size: 900px">${article}</div>
        <div style="inline-size: 320px">${article}</div>
        <div style="inline-size: 600px" dir="rtl" lang="ar">${article}</div>
      </div>
    `);
    const elements = [...container.querySelectorAll('lede-article')];
    expect(customElements.get('lede-article')).to.equal(undefined);
    // Readable before JavaScript: the page stylesheet already gives the headline its size.
    expect(Number.parseFloat(getComputedStyle(elements[0]!.querySelector('h1')!).fontSize)).to.be.greaterThan(27);
    const before = elements.map((element) => ({ children: boxes(element), host: round(element.getBoundingClientRect()) }));

    defineElement('lede-article', LedeArticle);
    await Promise.all(elements.map((element) => (element as LedeArticle).updateComplete));

    elements.forEach((element, index) => {
      const after = boxes(element);
      const { children, host } = before[index]!;
      expect(Object.keys(after)).to.deep.equal(Object.keys(children));
      for (const key of Object.keys(children)) {
        const [x, y, width, height] = after[key]!;
        const [x0, y0, width0, height0] = children[key]!;
        expect([x, y, height], `${index} ${key}`).to.deep.equal([x0, y0, height0]);
        // The date shares its line with the reading time, so only its width may change.
        if (!key.endsWith(':date')) expect(width, `${index} ${key}`).to.equal(width0);
      }
      expect(round(element.getBoundingClientRect())).to.deep.equal(host);
      // The upgrade did add something: the reading time, on the date's own line.
      expect(element.shadowRoot!.querySelector('.reading-time')).to.exist;
    });
    // Server-rendered content needs no data path: the module that reads and renders data never loaded.
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((name) => name.includes('/src/article/lede-article'))).to.equal(true);
    expect(loaded.filter((name) => name.includes('article-view'))).to.deep.equal([]);
    style.remove();
  });

  it('warns instead of throwing when the tag is defined twice', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('lede-article', LedeArticle);
      class Impostor extends HTMLElement {}
      expect(defineElement('lede-article', Impostor)).to.equal(false);
      expect(defineElement('lede-article-twice', LedeArticle)).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('lede-article')).to.equal(LedeArticle);
    expect(warnings).to.have.length(2);
  });
});
