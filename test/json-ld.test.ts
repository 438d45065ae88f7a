import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/article.js';
import type { LedeArticle } from '../src/article.js';
import type { LedeDroppedEvent, LedeErrorEvent } from '../src/shared/events.js';

/** What `test/fixtures/real/json-ld/expected.json` says a reader must see of each real page. */
interface Expected {
  headline: string;
  authors?: string[];
  byline?: string;
  datePublished: string;
  words: string[];
  dropped?: string[];
}

const corpus = '/test/fixtures/real/json-ld/';
/** The corpus (test/node/json-ld.test.ts checks this list against its files and expectations). */
const documents = [
  'abc-news-au.json',
  'bbc-business.json',
  'bbc-reportage.json',
  'bvoltaire-yoast.json',
  'cnn-live-news.json',
  'dailymail-news.json',
  'fool-ca-yoast.json',
  'natgeo-uk.json',
  'npr-planet-money.json',
  'nytimes-article.json',
  'nytimes-nyregion.json',
  'nytimes-politics.json',
  'perthnow-newswire.json',
  'probatestars-yoast.json',
  'salesleadsforever-yoast.json',
  'sfstandard-yoast.json',
  'techcrunch-parsely.json',
  'thelocal-de.json',
  'theverge-news.json',
  'traveltomorrow-yoast.json',
  'uol-economia.json',
  'washingtonpost-reportage.json',
];
let expected: Record<string, Expected>;
const shadow = (element: Element) => element.shadowRoot!;
const text = (element: Element, selector: string) => shadow(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The page's blocks as `<script type="application/ld+json">` children, one per block as the page had them. */
function scripts(data: unknown): HTMLScriptElement[] {
  return (Array.isArray(data) && data.every((block) => !Array.isArray(block)) && data.length > 1 ? data : [data]).map((block) => {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify(block);
    return script;
  });
}

/** Renders `element` and collects the lede-dropped and lede-error events of its load. */
async function rendered(element: LedeArticle, headline: string) {
  const dropped: LedeDroppedEvent[] = [];
  const errors: LedeErrorEvent[] = [];
  element.addEventListener('lede-dropped', (event) => dropped.push(event));
  element.addEventListener('lede-error', (event) => errors.push(event));
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    document.body.append(element);
    await waitUntil(() => text(element, '.headline') === headline, `headline is not ${headline}`, { timeout: 5000 });
    await element.updateComplete;
  } finally {
    console.warn = warn;
  }
  return { dropped, errors };
}

async function expectReaderSees(element: LedeArticle, want: Expected, events: { dropped: LedeDroppedEvent[]; errors: LedeErrorEvent[] }) {
  expect(text(element, '.headline')).to.equal(want.headline);
  const byline = text(element, '.byline');
  for (const name of want.authors ?? []) expect(byline).to.contain(name);
  if (want.byline) expect(byline).to.contain(want.byline);
  if (!want.authors?.length && !want.byline) expect(byline).to.equal('');
  expect(shadow(element).querySelector('.date time')?.getAttribute('datetime')).to.equal(want.datePublished);
  // An HTML body shows once sanitized, after the header.
  const readable = () => `${text(element, '.dek')} ${text(element, '.body')}`;
  await waitUntil(() => want.words.every((words) => readable().includes(words)), 'the body did not show', { timeout: 5000 }).catch(() => undefined);
  for (const words of want.words) expect(readable(), words).to.contain(words);
  expect(events.errors).to.have.length(0);
  // One event per load, or none when nothing was dropped.
  expect(events.dropped.map((event) => event.fields.map(({ field }) => field))).to.deep.equal(want.dropped ? [want.dropped] : []);
}

describe('<lede-article> with real JSON-LD', () => {
  before(async () => {
    expected = (await (await fetch(`${corpus}expected.json`)).json()) as Record<string, Expected>;
  });

  for (const name of documents) {
    it(`${name}: as JSON-LD children, the reader sees the page's article`, async () => {
      const want = expected[name]!;
      const data: unknown = await (await fetch(corpus + name)).json();
      const element = document.createElement('lede-article');
      element.append(...scripts(data));
      try {
        await expectReaderSees(element, want, await rendered(element, want.headline));
      } finally {
        element.remove();
      }
    });

    it(`${name}: as the article property, the same`, async () => {
      const want = expected[name]!;
      const element = document.createElement('lede-article');
      element.article = (await (await fetch(corpus + name)).json()) as Record<string, unknown>;
      try {
        await expectReaderSees(element, want, await rendered(element, want.headline));
      } finally {
        element.remove();
      }
    });
  }

  it('a sloppy dateModified from src renders the article and fires one lede-dropped naming it', async () => {
    const page = (await (await fetch(`${corpus}sfstandard-yoast.json`)).json()) as { '@graph': Record<string, unknown>[] };
    page['@graph'][0]!.dateModified = 'Updated yesterday';
    page['@graph'][0]!.datePublished = 'Tue Jan 28 15:28:56 CET 2020';
    const url = URL.createObjectURL(new Blob([JSON.stringify(page)], { type: 'application/ld+json' }));
    const fromSrc = document.createElement('lede-article');
    fromSrc.src = url;
    const dropped = oneEvent(fromSrc, 'lede-dropped') as Promise<LedeDroppedEvent>;
    try {
      const events = await rendered(fromSrc, 'Restaurant workers fear they could pay highest cost in junk-fee battle');
      const event = await dropped;
      expect(event.fields.map(({ field }) => field)).to.deep.equal(['dateModified']);
      expect(events.dropped).to.have.length(1);
      expect(events.errors).to.have.length(0);
      expect(shadow(fromSrc).querySelector('.date time')?.getAttribute('datetime')).to.equal('2020-01-28T15:28:56+01:00');
      expect(shadow(fromSrc).querySelector('[role="alert"]') === null).to.equal(true);
    } finally {
      fromSrc.remove();
      URL.revokeObjectURL(url);
    }
  });

  it('a JSON-LD child without a headline is still the error state, with lede-error', async () => {
    const errors: LedeErrorEvent[] = [];
    document.addEventListener('lede-error', (event) => errors.push(event), { once: true });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const element = await fixture<LedeArticle>(
        html`<lede-article><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-10T00:59:47ZZ"}</script></lede-article>`,
      );
      await waitUntil(() => errors.length > 0, 'no lede-error', { timeout: 5000 });
      await element.updateComplete;
      expect(errors[0]!.error.code).to.equal('invalid-data');
      expect(errors[0]!.error.field).to.equal('headline');
      expect(shadow(element).querySelector('[role="alert"]') !== null).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});
