// The real feeds of test/fixtures/real/feeds/ through <lede-related src>, as a reader's browser
// gets them: their bytes as stored, with a Content-Type that names no charset, decoded and parsed
// by the platform, rendered as cards. What each should show is in test/support/feed-corpus.ts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/related.js';
import type { LedeRelated } from '../src/related.js';
import type { LedeDroppedEvent } from '../src/shared/events.js';
import { corpus } from './support/feed-corpus.js';

const directory = '/test/fixtures/real/feeds';
/** The feed's URL: raw bytes from the test server, which would otherwise pass them through as UTF-8 text. */
const feedUrl = (file: string) => `/test-api/bytes?file=${directory}/${file}&type=${file.endsWith('.json') ? 'application/feed%2Bjson' : 'application/xml'}`;
const shadow = (element: Element) => element.shadowRoot!;

/** Renders one feed, returning the element and the fields its one lede-dropped event listed. */
async function render(file: string): Promise<{ element: LedeRelated; dropped: string[] }> {
  let dropped: string[] = [];
  const warn = console.warn;
  // The dropped fields are the assertion here; the warning that goes with them is tested in related.test.ts.
  console.warn = () => {};
  try {
    const element = await fixture<LedeRelated>(
      html`<lede-related
        loading="eager"
        max="10"
        excerpts
        src=${feedUrl(file)}
        @lede-dropped=${(event: LedeDroppedEvent) => (dropped = event.fields.map(({ field }) => field))}
      ></lede-related>`,
    );
    await waitUntil(() => shadow(element).querySelector('.story:not(.skeleton), .error'), `${file} did not load`, { timeout: 8000 });
    await element.updateComplete;
    return { element, dropped };
  } finally {
    console.warn = warn;
  }
}

describe('<lede-related> reading real feeds', () => {
  afterEach(() => sessionStorage.clear());

  for (const feed of corpus) {
    it(`${feed.file}: titles, link, date, image, byline`, async () => {
      const { element, dropped } = await render(feed.file);
      const root = shadow(element);
      const cards = [...root.querySelectorAll('.story')];
      expect(cards.map((card) => card.querySelector('.title')!.textContent)).to.deep.equal(feed.titles);
      const first = cards[0]!;
      const { url, datePublished, image, author, section, excerptHas } = feed.first;
      expect(first.querySelector<HTMLAnchorElement>('a.title')!.href).to.equal(new URL(url, new URL(feedUrl(feed.file), location.href)).href);
      expect(first.querySelector('time')?.getAttribute('datetime') ?? undefined).to.equal(datePublished);
      expect(first.querySelector('img')?.getAttribute('src') ?? undefined).to.equal(image);
      if (author) expect(first.querySelector('.meta')!.textContent).to.contain(author);
      expect(first.querySelector('.kicker')?.textContent ?? undefined).to.equal(section);
      if (excerptHas) expect(first.querySelector('.excerpt')!.textContent).to.contain(excerptHas);
      // Browsers refuse the bare "&" the first time, so the mended reading is reported too.
      const mended = feed.file === 'physorg-bare-ampersand.rss' ? ['xml'] : [];
      expect(dropped).to.deep.equal([...mended, ...(feed.dropped ?? [])]);
    });
  }
});
