// The real feeds of test/fixtures/real/feeds/, read in Node as a server or build tool would:
// bytes in, with @xmldom/xmldom as the DOMParser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed } from '../../src/formats/feeds.js';
import { corpus } from '../support/feed-corpus.js';
import { installStrictDomParser } from '../support/strict-dom-parser.js';

installStrictDomParser();

const feedUrl = (file: string) => `https://feeds.example/real/${file}`;

test('the corpus holds at least 22 real feeds, each listed in SOURCES.md', () => {
  const sources = readFileSync(new URL('../fixtures/real/feeds/SOURCES.md', import.meta.url), 'utf8');
  assert.ok(corpus.length >= 22, `${corpus.length} feeds`);
  for (const { file } of corpus) assert.ok(sources.includes(`\`${file}\``), `${file} is not in SOURCES.md`);
});

for (const feed of corpus) {
  test(`${feed.file}: what a reader sees`, () => {
    const bytes = readFileSync(new URL(`../fixtures/real/feeds/${feed.file}`, import.meta.url));
    const { format, stories, dropped } = parseFeed(new Uint8Array(bytes), feedUrl(feed.file));
    assert.equal(format, feed.format);
    assert.deepEqual(
      stories.map(({ title }) => title),
      feed.titles,
    );
    const [first] = stories;
    const expected = feed.first;
    assert.equal(first!.url, new URL(expected.url, feedUrl(feed.file)).href);
    assert.equal(first!.datePublished, expected.datePublished);
    assert.equal(first!.image?.url, expected.image);
    assert.equal(first!.author, expected.author);
    assert.equal(first!.section, expected.section);
    if (expected.excerptHas) assert.ok(first!.excerpt?.includes(expected.excerptHas), first!.excerpt);
    assert.deepEqual(
      dropped.map(({ field }) => field),
      feed.dropped ?? [],
    );
  });
}
