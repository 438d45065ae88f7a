import { parseArticleText } from '../../src/article-text.js';
import { batches, check, mediaCostGrows, mediaSample } from './hostile.js';

// The articles the hostile suites (hostile.test.ts, hostile-ninjs*.test.ts) build around a vector:
// every text and URL field of each input format set to it.

export const shadow = (host: Element) => host.shadowRoot!;
/** An article shows its headline (with text) or its error box. */
export const articleState = (host: HTMLElement) => {
  if (shadow(host).querySelector('.error')) return 'error';
  const headline = shadow(host).querySelector('h1') ?? shadow(host).querySelector<HTMLSlotElement>('slot[name="headline"]')?.assignedElements()[0];
  return headline?.textContent?.trim() ? 'content' : 'blank';
};
/** Settled: rendered, and the sanitized body (if any) and JSON-LD are in. */
export const articleSettled = (host: HTMLElement) =>
  !!host.shadowRoot &&
  (!!shadow(host).querySelector('.error') || (!!shadow(host).querySelector('h1') && !!host.querySelector('script[type="application/ld+json"]')));

export function article(data: unknown): HTMLElement {
  const host = document.createElement('lede-article');
  (host as HTMLElement & { article: unknown }).article = data;
  return host;
}

const https = 'https://news.example/';
/**
 * Vectors this long go only into HTML bodies, which the sanitizer refuses unparsed: as text in a
 * headline, Chromium takes 4-8 s to lay out one megabyte without a break opportunity.
 */
export const hugeLength = 1 << 20;
/** Vectors this long (the 2,000 `<img>`s) are checked one to a page. */
export const heavyLength = 40_000;

/** A Lede Article with the vector in every text and URL field, and a body in blocks or HTML. */
export const ledeArticle = (vector: string, body: 'blocks' | 'html') => ({
  id: vector,
  url: vector,
  kicker: vector,
  headline: vector,
  alternativeHeadline: vector,
  dek: vector,
  byline: vector,
  dateline: vector,
  section: vector,
  keywords: [vector],
  creditsText: `Reporting by ${vector}; Editing by ${vector}`,
  datePublished: '2024-01-02',
  image: { url: vector, alt: vector },
  publisher: { name: vector, url: vector, logo: { url: vector } },
  authors: [{ name: vector, url: vector, image: { url: vector }, jobTitle: vector, location: vector }],
  credits: [{ name: vector, roles: ['reporting'], location: vector }],
  ...(body === 'blocks'
    ? {
        body: [
          { type: 'paragraph', text: vector },
          { type: 'heading', level: 2, text: vector },
          { type: 'quote', text: vector, cite: vector },
          { type: 'figure', image: { url: vector, alt: vector }, caption: vector, credit: vector },
          { type: 'figure', image: { url: `${https}a.jpg`, alt: vector }, caption: vector, credit: vector },
          { type: 'list', ordered: true, items: [vector, vector] },
        ],
      }
    : { bodyHtml: vector }),
});

export const schemaOrg = (vector: string) => ({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  '@id': vector,
  url: vector,
  headline: vector,
  alternativeHeadline: vector,
  description: vector,
  articleBody: `${vector}\n\n${vector}`,
  dateline: vector,
  articleSection: vector,
  keywords: vector,
  inLanguage: 'en',
  datePublished: '2024-01-02',
  image: { '@type': 'ImageObject', url: vector, caption: vector },
  creditText: vector,
  author: [{ '@type': 'Person', name: vector, url: vector, image: vector }],
  editor: { '@type': 'Person', name: vector },
  contributor: [{ '@type': 'Person', name: vector }],
  publisher: { '@type': 'Organization', name: vector, url: vector, logo: { url: vector } },
  mainEntityOfPage: { '@id': vector },
});

export const ninjs1 = (vector: string) => ({
  uri: vector,
  type: 'text',
  headline: vector,
  byline: vector,
  description_text: vector,
  located: vector,
  body_html: vector,
  firstcreated: '2024-01-02T10:00:00Z',
  associations: { featureimage: { type: 'picture', description_text: vector, renditions: { original: { href: vector } } } },
});
export const ninjs2 = (vector: string) => ({
  uri: vector,
  type: 'text',
  headline: vector,
  by: vector,
  description_usage: vector,
  body_text: `${vector}\n\n${vector}`,
  people: [{ name: vector, rel: 'author' }],
  keywords: [vector],
  associations: { photo: { type: 'picture', headline: vector, uri: vector, renditions: { x: { href: `${https}a.jpg` } } } },
});
export const ninjs3 = (vector: string, body: 'text/html' | 'text/plain') => ({
  uri: vector,
  type: 'text',
  headlines: [
    { role: 'main', value: vector },
    { role: 'subhead', value: vector },
  ],
  by: vector,
  descriptions: [{ role: 'summary', value: vector }],
  bodies: [{ contentType: body, value: vector }],
  located: vector,
  links: [{ rel: 'canonical', href: vector }],
  people: [{ name: vector, rel: 'author' }],
  firstCreated: '2024-01-02T10:00:00Z',
  associations: [{ type: 'picture', uri: vector, descriptions: [{ value: vector }], renditions: [{ href: vector }] }],
});

/**
 * A ninjs video item whose renditions, captions and NITF body (text, media sources and captions)
 * are the vector, with audio and picture associations: media blocks, built by Lede, and media
 * figures added to an HTML body.
 */
export const ninjsMedia = (vector: string, body: 'nitf' | 'html') => ({
  uri: 'urn:hostile:media',
  type: 'video',
  headlines: [{ role: 'main', value: 'Media' }],
  descriptions: [
    { role: 'caption', value: vector },
    { role: 'creditline', value: vector },
  ],
  bodies: [
    body === 'nitf'
      ? {
          contentType: 'text/vnd.IPTC.NITF',
          value: `<nitf><body><body.head><hedline><hl1>${vector}</hl1></hedline><byline>${vector}</byline></body.head><body.content><p>${vector}</p><hl2>${vector}</hl2><bq><p>${vector}</p><credit>${vector}</credit></bq><media media-type="video"><media-reference source="${vector}"/><media-reference source="${https}${vector}" mime-type="image/jpeg"/><media-caption>${vector}</media-caption></media></body.content></body></nitf>`,
        }
      : { contentType: 'text/html', value: vector },
  ],
  renditions: [
    { href: vector, contentType: 'video/mp4', width: 640, height: 360 },
    { href: `${https}${vector}`, contentType: 'image/jpeg' },
  ],
  associations: [
    { type: 'audio', by: vector, renditions: [{ href: vector, contentType: 'audio/mpeg' }] },
    { type: 'picture', descriptions: [{ role: 'caption', value: vector }], renditions: [{ href: vector }] },
    { type: 'picture', by: vector, renditions: [{ href: `${https}${vector}` }] },
  ],
});

/** A server-rendered article whose every text is the vector (as text: the page escaped it). */
export function lightArticle(vector: string): HTMLElement {
  const host = document.createElement('lede-article');
  const child = (tag: string, slot?: string) => {
    const node = document.createElement(tag);
    if (slot) node.slot = slot;
    node.textContent = vector;
    host.append(node);
    return node;
  };
  child('p', 'kicker');
  child('h1', 'headline');
  child('p', 'dek');
  child('p', 'byline');
  child('time', 'date').setAttribute('datetime', vector);
  child('p');
  child('blockquote');
  return host;
}

/** An article from a `<script type="application/ld+json">` child, as a page would print it. */
export function jsonLdChild(vector: string): HTMLElement {
  const host = document.createElement('lede-article');
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = JSON.stringify(schemaOrg(vector));
  host.append(script);
  return host;
}

/** An article from plain text, as a scraper would pass it, with the vector in every part. */
export const plainTextArticle = (vector: string) =>
  article(parseArticleText(`${vector}\n\nBy ${vector}\nPublished: 2024-01-02\n\n${vector}\n\n${vector}\n\n(Reporting by ${vector}; Editing by ${vector})`));

/** An input path: its name, how it makes an article of a vector, and when that article is settled. */
export type ArticlePath = [name: string, make: (vector: string) => HTMLElement, settled?: (host: HTMLElement) => boolean, makesMedia?: 'media'];

/**
 * One describe per path, every vector through it, 50 articles to a page. The 50 kB vector gets a
 * page of its own: with 28 others, after 600 articles, it froze Chromium's page. Players cost
 * WebKitGTK seconds each (see mediaCostGrows): there, paths whose articles make them take the
 * URL-shaped vectors and every twentieth other, 10 to a page, with up to 2 minutes a page;
 * Chromium and Firefox take them all.
 */
export function checkArticlePaths(paths: ArticlePath[]): void {
  for (const [path, make, settled = articleSettled, makesMedia] of paths) {
    describe(`<lede-article> from ${path}`, function () {
      const sampled = mediaCostGrows && makesMedia === 'media';
      const settleTimeout = sampled ? 100_000 : undefined;
      if (sampled) this.timeout(120_000);
      const slices = (sampled ? mediaSample(10, 20, heavyLength) : batches(50, heavyLength)).filter((batch) => batch[0]!.length < hugeLength);
      slices.forEach((batch, index) => {
        it(`batch ${index + 1} of ${slices.length}`, async () => {
          await check(batch.map(make), settled, articleState, settleTimeout);
        });
      });
    });
  }
}
