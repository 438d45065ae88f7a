import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { readArticle } from '../../src/formats/article-formats.js';
import { fromSchemaOrg } from '../../src/formats/schema-org.js';
import type { Article } from '../../src/model.js';
import { LedeError } from '../../src/shared/errors.js';
import { DropLog } from '../../src/shared/leniency.js';
import { toIsoDate } from '../../src/text/dates.js';
import { growth } from './growth.js';

const corpus = new URL('../fixtures/real/json-ld/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, corpus), 'utf8'));

interface Expected {
  headline: string;
  authors?: string[];
  byline?: string;
  datePublished: string;
  words: string[];
  dropped?: string[];
}
const expected = read('expected.json') as Record<string, Expected>;

/** What a reader gets to read of the article besides the header: the standfirst and the body's text. */
function readableText(article: Article): string {
  const body = (article.body ?? []).map((block) => ('text' in block ? block.text : ''));
  const html = (article.bodyHtml ?? '').replace(/<[^>]*>/g, ' ');
  return [article.dek ?? '', ...body, html].join(' ').replace(/\s+/g, ' ');
}

test('the corpus: at least 22 real pages, each with its expectations and source', () => {
  const files = readdirSync(corpus).filter((name) => name.endsWith('.json') && name !== 'expected.json');
  assert.ok(files.length >= 22, `${files.length} documents`);
  assert.deepEqual(files.sort(), Object.keys(expected).sort());
  // The browser test lists the documents itself (it cannot read a directory).
  const browserTest = readFileSync(new URL('../json-ld.test.ts', import.meta.url), 'utf8');
  for (const name of files) assert.ok(browserTest.includes(`'${name}'`), `${name} is not in test/json-ld.test.ts`);
  const sources = readFileSync(new URL('SOURCES.md', corpus), 'utf8');
  for (const name of files) assert.ok(sources.includes(`\`${name}\``), `${name} has no source`);
});

for (const [name, want] of Object.entries(expected)) {
  test(`real JSON-LD: ${name} reads as its page showed it`, () => {
    const log = new DropLog();
    const article = readArticle(read(name), log);
    assert.equal(article.headline, want.headline);
    assert.deepEqual(
      (article.authors ?? []).map((person) => person.name),
      want.authors ?? [],
    );
    assert.equal(article.byline, want.byline);
    assert.equal(article.datePublished, want.datePublished);
    const text = readableText(article);
    for (const words of want.words) assert.ok(text.includes(words), `"${words}" is not in ${JSON.stringify(text.slice(0, 200))}`);
    assert.deepEqual(
      log.fields.map(({ field }) => field),
      want.dropped ?? [],
    );
  });
}

test('sloppy dates as sites print them are read; unreadable ones are dropped and reported, never fatal', () => {
  const page = read('sfstandard-yoast.json') as { '@graph': Record<string, unknown>[] };
  const article = page['@graph'][0]!;
  const sloppy = (published: string, modified: string) => {
    const log = new DropLog();
    const read = readArticle({ ...page, '@graph': [{ ...article, datePublished: published, dateModified: modified }, ...page['@graph'].slice(1)] }, log);
    return { published: read.datePublished, modified: read.dateModified, dropped: log.fields };
  };
  assert.deepEqual(sloppy('Tue Jan 28 15:28:56 CET 2020', '2020-01-10T00:59:47ZZ'), {
    published: '2020-01-28T15:28:56+01:00',
    modified: '2020-01-10T00:59:47Z',
    dropped: [],
  });
  assert.deepEqual(sloppy('Tue, 28 Jan 2020 15:28:56 +0100', '2020-01-10 00:59'), {
    published: '2020-01-28T15:28:56+01:00',
    modified: '2020-01-10T00:59:00',
    dropped: [],
  });
  const unreadable = sloppy('2020-01-28T15:28:56Z', 'last Tuesday');
  assert.equal(unreadable.published, '2020-01-28T15:28:56Z');
  assert.equal(unreadable.modified, undefined);
  assert.deepEqual(
    unreadable.dropped.map(({ field }) => field),
    ['dateModified'],
  );
  assert.match(unreadable.dropped[0]!.reason, /"dateModified" must be an ISO 8601 date/);
});

test('toIsoDate keeps ISO 8601 and rewrites the forms publishers print', () => {
  assert.equal(toIsoDate('2016-05-24T20:49:03.000Z'), '2016-05-24T20:49:03.000Z');
  assert.equal(toIsoDate('2022-10-18T07:02:26+0100'), '2022-10-18T07:02:26+01:00');
  assert.equal(toIsoDate('2020-01-10T00:59:47ZZ'), '2020-01-10T00:59:47Z');
  assert.equal(toIsoDate('Tue Jan 28 15:28:56 CET 2020'), '2020-01-28T15:28:56+01:00');
  assert.equal(toIsoDate('Tue, 28 Jan 2020 15:28:56 GMT'), '2020-01-28T15:28:56Z');
  assert.equal(toIsoDate('2023-01-16 16:30:41'), '2023-01-16T16:30:41');
  assert.equal(toIsoDate('2023-02-30'), undefined);
  assert.equal(toIsoDate('yesterday'), undefined);
});

test('a document without a usable headline is still an error, named', () => {
  const log = new DropLog();
  assert.throws(
    () => readArticle({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: 'yesterday', author: 'A' }, log),
    (error) => error instanceof LedeError && error.code === 'invalid-data' && error.field === 'headline',
  );
  // The page's other blocks (breadcrumbs, the site) are not articles.
  assert.throws(
    () => readArticle([{ '@type': 'BreadcrumbList' }, { '@type': 'WebSite', name: 'Site' }], log),
    (error) => error instanceof LedeError && error.code === 'unsupported-format',
  );
});

test('without a DropLog the read stays strict: the first malformed field throws', () => {
  assert.throws(
    () => readArticle({ headline: 'H', dateModified: '2020-01-10T00:59:47ZZ' }),
    (error) => error instanceof LedeError && error.field === 'dateModified',
  );
});

test("Lede's own JSON is read leniently too: bad entries and blocks go, the rest stays", () => {
  const log = new DropLog();
  const article = readArticle(
    {
      headline: 'Kept',
      datePublished: 'soon',
      authors: [{ name: 'A', image: { url: '' } }, { name: 42 }, { name: 'B' }],
      body: [{ type: 'paragraph', text: 'One.' }, { type: 'figure' }, { type: 'paragraph', text: 'Two.' }],
      image: 'https://news.example/not-an-object.jpg',
    },
    log,
  );
  assert.deepEqual(article, {
    headline: 'Kept',
    authors: [{ name: 'A' }, { name: 'B' }],
    body: [
      { type: 'paragraph', text: 'One.' },
      { type: 'paragraph', text: 'Two.' },
    ],
  });
  assert.deepEqual(
    log.fields.map(({ field }) => field),
    ['authors[0].image', 'authors[1]', 'datePublished', 'image', 'body[1]'],
  );
});

test('@id references resolve across blocks and nested nodes; dangling ones are dropped and reported', () => {
  const log = new DropLog();
  const data = fromSchemaOrg(
    [
      { '@type': 'BlogPosting', headline: 'H', author: [{ '@id': '#a' }, { '@id': '#missing' }], image: { '@id': '#img' }, publisher: { '@id': '#org' } },
      { '@type': 'Organization', '@id': '#org', name: 'Org', logo: { '@type': 'ImageObject', '@id': '#logo', url: 'https://news.example/logo.png' } },
      {
        '@type': 'WebPage',
        about: { '@type': 'Person', '@id': '#a', name: 'Nested Author' },
        primaryImageOfPage: { '@id': '#img', url: 'https://news.example/i.jpg' },
      },
    ],
    log,
  );
  assert.deepEqual(data.authors, [{ name: 'Nested Author' }]);
  assert.deepEqual(data.image, { url: 'https://news.example/i.jpg' });
  assert.deepEqual(data.publisher, { name: 'Org', logo: { url: 'https://news.example/logo.png' } });
  assert.deepEqual(
    log.fields.map(({ field }) => field),
    ['author[1]'],
  );
});

test('every Article subtype is an article, bare or as an IRI, alone or among types', () => {
  for (const type of ['AnalysisNewsArticle', 'https://schema.org/OpinionNewsArticle', 'schema:SatiricalArticle', ['CreativeWork', 'LiveBlogPosting']]) {
    assert.equal(fromSchemaOrg({ '@type': type, headline: 'H' }).headline, 'H', JSON.stringify(type));
  }
});

test('a live blog without an articleBody shows its updates', () => {
  const data = fromSchemaOrg({
    '@type': 'LiveBlogPosting',
    headline: 'Live',
    liveBlogUpdate: [
      { '@type': 'BlogPosting', headline: 'First update', articleBody: 'It began.' },
      { '@type': 'BlogPosting', articleBody: 'More &amp; more.' },
    ],
  });
  assert.deepEqual(data.body, [
    { type: 'heading', level: 2, text: 'First update' },
    { type: 'paragraph', text: 'It began.' },
    { type: 'paragraph', text: 'More & more.' },
  ]);
});

test('deeply nested, shared or looping hostile data costs no recursion and no repeated work', () => {
  let nested: unknown = { '@type': 'Thing' };
  for (let depth = 0; depth < 100_000; depth += 1) nested = { child: nested, list: [nested] };
  const looping: Record<string, unknown> = { '@type': 'NewsArticle', headline: 'Deep', about: nested };
  looping.self = looping;
  assert.equal(fromSchemaOrg(looping).headline, 'Deep');
});

test('reading a @graph grows linearly with its size', () => {
  const graph = (size: number) =>
    JSON.stringify({
      '@graph': [
        { '@type': 'NewsArticle', headline: 'H', author: Array.from({ length: size / 200 }, (_, index) => ({ '@id': `#p${index}` })) },
        ...Array.from({ length: size / 200 }, (_, index) => ({
          '@type': 'Person',
          '@id': `#p${index}`,
          name: `Person ${index}`,
          description: 'x'.repeat(100),
        })),
      ],
    });
  const ratio = growth((text) => readArticle(JSON.parse(text), new DropLog()), graph, 50_000);
  assert.ok(ratio < 2.5, `grows ${ratio.toFixed(2)}× per doubling`);
});
