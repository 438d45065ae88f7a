import { expect } from '@open-wc/testing';
import '../src/byline.js';
import '../src/related.js';
import { batches, check, hostilePage } from './support/hostile.js';

// Every hostile string through <lede-byline>'s and <lede-related>'s inputs, many elements to a
// page (see test/support/hostile.ts for what is checked). The 1 MB strings go only where a body
// of that size is read: a credit line or story title of a megabyte is no hostile-input case.

type Host = HTMLElement & Record<string, unknown>;
const shadow = (host: Element) => host.shadowRoot!;
const hasUpdated = (host: HTMLElement) => (host as unknown as { hasUpdated: boolean }).hasUpdated;
const https = 'https://news.example/';
/** Vectors this long (the 2,000 `<img>`s) are checked one to a page. */
const heavyLength = 40_000;
const slices = batches(50, heavyLength).filter((batch) => batch[0]!.length < 1 << 20);

function make(tag: string, props: Record<string, unknown> = {}, attributes: Record<string, string> = {}): Host {
  const host = document.createElement(tag) as Host;
  Object.assign(host, props);
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  return host;
}

/** A byline shows its line, its credits or the page's own; "error" when it shows its error note. */
const bylineState = (host: HTMLElement) => (shadow(host).querySelector('[part~="error"]') ? 'error' : 'content');
const bylineSettled = (host: HTMLElement) => hasUpdated(host) && !!host.shadowRoot;

const creditLine = (vector: string) => `Reporting by ${vector} in ${vector}; Editing by ${vector}. ${vector} contributed to this report.`;
const bylinePaths: [string, (vector: string) => HTMLElement][] = [
  ['the credits-text attribute', (vector) => make('lede-byline', {}, { 'credits-text': creditLine(vector), source: vector, dateline: vector })],
  ['the creditsText property', (vector) => make('lede-byline', { creditsText: creditLine(vector), source: vector, dateline: vector })],
  [
    'credits and authors as data',
    (vector) =>
      make('lede-byline', {
        credits: [
          { name: vector, roles: ['reporting'], location: vector },
          { name: `${https}x`, roles: ['editing'] },
        ],
        authors: [{ name: vector, url: vector, image: { url: vector, alt: vector }, jobTitle: vector, location: vector }],
      }),
  ],
  [
    'a slotted credits paragraph and a printed byline',
    (vector) => {
      const host = make('lede-byline');
      const credits = document.createElement('p');
      credits.slot = 'credits';
      credits.textContent = creditLine(vector);
      const printed = document.createElement('span');
      printed.textContent = `By ${vector}`;
      host.append(printed, credits);
      return host;
    },
  ],
];

/** Related stories settle once the cards replace the skeletons (or there is nothing to show). */
const relatedSettled = (host: HTMLElement) => hasUpdated(host) && !shadow(host).querySelector('.skeleton');
const relatedState = (host: HTMLElement) => (shadow(host).querySelector('[part~="error"]') ? 'error' : 'content');

const story = (vector: string) => ({ url: vector, title: vector, image: { url: vector, alt: vector } });
const storyAt = (vector: string) => ({ url: `${https}2`, title: vector, image: vector, summary: vector });
/** XML 1.0 has no place for most control characters or lone surrogates: a feed with them does not parse. */
const xmlChars = (text: string) =>
  text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFE|\uFFFF/g, '');
const escapeXml = (text: string) => xmlChars(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const cdata = (text: string) => `<![CDATA[${xmlChars(text).replaceAll(']]>', '')}]]>`;
/** Every feed ends with a plain story, so every element has one to show. */
const plain = { url: `${https}3`, title: 'Plain story' };

const jsonFeed = (vector: string) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: vector,
    home_page_url: vector,
    items: [
      { id: vector, url: vector, title: vector, image: vector, summary: vector, content_html: vector },
      { id: '2', url: `${https}2`, title: vector, image: vector, content_html: vector },
      { id: '3', ...plain },
    ],
  });
/** An RSS feed with the vector as escaped text and, in a second item, as CDATA markup. */
const rss = (
  vector: string,
) => `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${escapeXml(vector)}</title>
<item><title>${escapeXml(vector)}</title><link>${escapeXml(vector)}</link><description>${escapeXml(vector)}</description><enclosure url="${escapeXml(vector)}" type="image/jpeg"/></item>
<item><title>${cdata(vector)}</title><link>${https}2</link><media:content url="${escapeXml(vector)}" medium="image"/><description>${cdata(vector)}</description></item>
<item><title>${plain.title}</title><link>${plain.url}</link></item>
</channel></rss>`;
const atom = (vector: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(vector)}</title>
<entry><title type="html">${escapeXml(vector)}</title><link href="${escapeXml(vector)}"/><id>${escapeXml(vector)}</id><summary type="html">${escapeXml(vector)}</summary></entry>
<entry><title type="text">${escapeXml(vector)}</title><link rel="alternate" href="${https}2"/><link rel="enclosure" type="image/png" href="${escapeXml(vector)}"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${escapeXml(vector)}</div></content></entry>
<entry><title>${plain.title}</title><link href="${plain.url}"/><id>3</id></entry>
</feed>`;

const feedUrls: string[] = [];
/** A feed served from a blob: URL, as a page would serve one from its own origin. */
function feed(text: string, type: string): HTMLElement {
  const url = URL.createObjectURL(new Blob([text], { type }));
  feedUrls.push(url);
  return make('lede-related', {}, { src: url, loading: 'eager' });
}

const relatedPaths: [string, (vector: string) => HTMLElement][] = [
  ['the stories property', (vector) => make('lede-related', { stories: [story(vector), storyAt(vector), plain] }, { 'current-url': vector, heading: vector })],
  ['a JSON Feed', (vector) => feed(jsonFeed(vector), 'application/feed+json')],
  ['an RSS feed', (vector) => feed(rss(vector), 'application/rss+xml')],
  ['an Atom feed', (vector) => feed(atom(vector), 'application/atom+xml')],
];

describe('hostile input to the other elements', function () {
  this.timeout(30000);
  hostilePage();
  afterEach(() => feedUrls.splice(0).forEach((url) => URL.revokeObjectURL(url)));

  for (const [path, build] of bylinePaths) {
    describe(`<lede-byline> from ${path}`, () => {
      slices.forEach((batch, index) => {
        it(`batch ${index + 1} of ${slices.length}`, async () => {
          await check(batch.map(build), bylineSettled, bylineState);
        });
      });
    });
  }

  for (const [path, build] of relatedPaths) {
    describe(`<lede-related> from ${path}`, () => {
      slices.forEach((batch, index) => {
        it(`batch ${index + 1} of ${slices.length}`, async () => {
          const hosts = batch.map(build);
          await check(hosts, relatedSettled, relatedState);
          const shown = hosts.filter((host) => shadow(host).querySelector('.story:not(.skeleton)')).length;
          expect(shown, 'elements showing stories').to.equal(batch.length);
        });
      });
    });
  }
});
