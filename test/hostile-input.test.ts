import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article.js';
import '../src/related.js';
import type { LedeArticle } from '../src/article.js';
import type { LedeRelated } from '../src/related.js';
import type { LedeErrorEvent } from '../src/shared/events.js';

/** A key no other test (or another browser sharing the test server) uses. */
const uniqueKey = () => `k${Math.random().toString(36).slice(2)}`;
const nextError = (element: Element) => oneEvent(element, 'lede-error') as Promise<LedeErrorEvent>;
const feedUrl = (text: string) => URL.createObjectURL(new Blob([text], { type: 'application/rss+xml' }));
const item = '<item><title>Story</title><link>https://a.example/story</link></item>';

/** Requests the test server saw for a `record` key. */
async function recorded(key: string): Promise<number> {
  return ((await (await fetch(`/test-api/recorded/${key}`, { cache: 'no-store' })).json()) as { requests: number }).requests;
}

/** The page still runs its event loop, renders frames and answers a click. */
async function responsive(): Promise<boolean> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const button = document.createElement('button');
  let clicked = false;
  button.addEventListener('click', () => (clicked = true));
  document.body.append(button);
  button.click();
  button.remove();
  return clicked;
}

async function relatedError(src: string): Promise<{ element: LedeRelated; code: string }> {
  const element = await fixture<LedeRelated>(html`<lede-related></lede-related>`);
  const error = nextError(element);
  element.src = src;
  const { code } = (await error).error;
  await element.updateComplete;
  return { element, code };
}

describe('hostile input', () => {
  it('a billion-laughs feed is refused before the XML parser expands it', async () => {
    const entities = Array.from({ length: 9 }, (_, index) => `<!ENTITY l${index + 1} "${`&l${index};`.repeat(10)}">`).join('');
    const feed = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${entities}]><rss><channel><item><title>&l9;</title><link>https://a.example/</link></item></channel></rss>`;
    const { element, code } = await relatedError(feedUrl(feed));
    expect(code).to.equal('invalid-data');
    expect(element.shadowRoot!.querySelector('[role="alert"]') !== null).to.equal(true);
    expect(await responsive()).to.equal(true);
  });

  it('external entities and parameter entities are refused, and never requested', async () => {
    const [general, parameter] = [uniqueKey(), uniqueKey()];
    const feeds = [
      `<!DOCTYPE rss [<!ENTITY x SYSTEM "${location.origin}/test-api/record/${general}">]><rss><channel>${item}<item><title>&x;</title><link>https://a.example/x</link></item></channel></rss>`,
      `<!DOCTYPE rss [<!ENTITY % p SYSTEM "${location.origin}/test-api/record/${parameter}"> %p;]><rss><channel>${item}</channel></rss>`,
    ];
    for (const feed of feeds) expect((await relatedError(feedUrl(feed))).code).to.equal('invalid-data');
    expect([await recorded(general), await recorded(parameter)]).to.deep.equal([0, 0]);
  });

  it('a DOCTYPE naming an external DTD is read without the DTD ever being requested', async () => {
    const key = uniqueKey();
    const feed = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "${location.origin}/test-api/record/${key}"><rss version="0.91"><channel>${item}</channel></rss>`;
    const element = await fixture<LedeRelated>(html`<lede-related></lede-related>`);
    element.src = feedUrl(feed);
    await waitUntil(() => element.shadowRoot!.querySelector('.story:not(.skeleton), .error'), 'the feed did not load', { timeout: 8000 });
    expect([...element.shadowRoot!.querySelectorAll('.title')].map((link) => link.textContent)).to.deep.equal(['Story']);
    expect(await recorded(key)).to.equal(0);
  });

  for (const [name, query] of [
    ['streamed with no length', ''],
    ['with its Content-Length', '?declared'],
  ] as const) {
    it(`a 10 MB feed ${name} is refused as too large`, async () => {
      const { code } = await relatedError(`/test-api/large/10000000${query}`);
      expect(code).to.equal('too-large');
      expect(await responsive()).to.equal(true);
    });

    it(`a 10 MB article ${name} is refused as too large`, async () => {
      const element = await fixture<LedeArticle>(html`<lede-article></lede-article>`);
      const error = nextError(element);
      element.src = `/test-api/large/10000000${query}`;
      expect((await error).error.code).to.equal('too-large');
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[role="alert"]') !== null).to.equal(true);
      expect(await responsive()).to.equal(true);
    });
  }
});
