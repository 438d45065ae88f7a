// Progressive enhancement: a server-rendered list of links is readable before the element is
// defined and its cards take the same boxes after the upgrade. This file defines <lede-related>
// itself, after measuring, so nothing registers it early.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { articlePageCss } from '../src/article/article.layout.js';
import { relatedPageCss } from '../src/related/related.layout.js';
import { LedeRelated } from '../src/related/lede-related.js';
import { defineElement } from '../src/shared/define.js';

/** The side the reader's system does not pick, so forcing it shows. */
const forced = matchMedia('(prefers-color-scheme: dark)').matches ? 'light' : 'dark';

const round = (rect: DOMRect) => [rect.left, rect.top, rect.width, rect.height].map((value) => Math.round(value * 10) / 10);

const list = (layout: string, heading: boolean) => html`
  <lede-related layout=${layout}>
    ${heading ? html`<h2 slot="heading">More on this story</h2>` : ''}
    <ul>
      <li><a href="https://news.example/rafah">Rafah crossing opens for limited evacuations of foreign citizens and the injured</a></li>
      <li><img src="/demo/content/illustration.svg" alt="" width="400" height="300" /><a href="https://news.example/amman">Blinken to meet Jordan's foreign minister in Amman</a></li>
      <li><a href="https://news.example/un">U.N. experts warn of grave risk</a></li>
      <li><a href="https://news.example/workers">Israel sends back 7,000 Palestinian workers</a></li>
    </ul>
  </lede-related>
  <p>After the list.</p>
`;

/** Where a heading's text sits: the heading box itself differs (a flex row before, a block inside one after). */
function textBox(element: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

/**
 * The boxes a reader sees: the server-rendered heading's text and its box's top and height (its
 * width gives way to the carousel's buttons), each story (light before the upgrade, the card
 * after it), the image, the host, and what follows it.
 */
function boxes(element: Element): number[][] {
  // The cards once they show; until then (before the upgrade, and while they load) the light list.
  const cards = element.shadowRoot?.querySelector('.story') ? element.shadowRoot : undefined;
  const stories = cards ? [...cards.querySelectorAll('.story')] : [...element.querySelectorAll('li')];
  const heading = element.querySelector('[slot="heading"]');
  const headingBox = heading ? [round(textBox(heading)), round(heading.getBoundingClientRect()).filter((_, index) => index % 2 === 1)] : [];
  const image = (cards ?? element).querySelector('img')!;
  return [...headingBox, ...[...stories, image, element, element.nextElementSibling!].map((box) => round(box.getBoundingClientRect()))];
}

describe('<lede-related> upgrade', () => {
  it('keeps every box where it was: list, grid and carousel, wide, narrow, right to left, with and without a heading, in a themed article', async () => {
    const style = document.createElement('style');
    style.textContent = articlePageCss() + relatedPageCss();
    document.head.append(style);
    const container = await fixture<HTMLDivElement>(html`
      <div>
        ${['list', 'grid', 'carousel'].map(
          (layout) => html`
            <div style="inline-size: 800px">${list(layout, true)}</div>
            <div style="inline-size: 320px">${list(layout, true)}</div>
            <div style="inline-size: 600px" dir="rtl" lang="ar">${list(layout, true)}</div>
          `,
        )}
        <div style="inline-size: 700px">${list('list', false)}</div>
        <lede-article theme=${forced}>${list('grid', true)}</lede-article>
      </div>
    `);
    const elements = [...container.querySelectorAll('lede-related')];
    expect(customElements.get('lede-related')).to.equal(undefined);
    // Readable before JavaScript, and already laid out as cards: the grid's cards sit side by side.
    const gridItems = elements[3]!.querySelectorAll('li');
    expect(gridItems[1]!.getBoundingClientRect().top).to.equal(gridItems[0]!.getBoundingClientRect().top);
    const before = elements.map(boxes);
    // A theme forced on the article around it holds before the upgrade as after it.
    expect(getComputedStyle(elements[10]!).colorScheme).to.equal(forced);

    defineElement('lede-related', LedeRelated);
    // The first render, before the cards' module can have arrived (updateComplete waits for it):
    // the list still shows through a slot, laid out by the page stylesheet, in the same boxes.
    await Promise.all(elements.map((element) => LitElement.prototype['getUpdateComplete'].call(element)));
    elements.forEach((element, index) => {
      expect(element.matches(':state(pending)'), `${index} pending`).to.equal(true);
      expect(element.shadowRoot!.querySelector('slot:not([name])'), `${index} slot`).to.exist;
      expect(boxes(element), `${index} ${element.getAttribute('layout')} while the cards load`).to.deep.equal(before[index]);
    });
    await Promise.all(elements.map((element) => (element as LedeRelated).updateComplete));
    expect(elements.some((element) => element.matches(':state(pending)'))).to.equal(false);

    // Without a server-rendered heading, the page stylesheet reserved the row for the default one.
    expect(elements[9]!.shadowRoot!.querySelector('h2')!.textContent).to.equal('You may also like');
    elements.forEach((element, index) => {
      expect(element.shadowRoot!.querySelectorAll('a.title'), `${index}`).to.have.length(4);
      expect(boxes(element), `${index} ${element.getAttribute('layout')}`).to.deep.equal(before[index]);
    });
    expect(getComputedStyle(elements[10]!).colorScheme).to.equal(forced);
    style.remove();
  });
});
