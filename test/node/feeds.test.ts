import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFeed } from '../../src/formats/feeds.js';
import { plainText } from '../../src/formats/plain-text.js';
import { readStories, selectStories, storyKey, toStory } from '../../src/formats/stories.js';
import { LedeError } from '../../src/shared/errors.js';
import { DropLog } from '../../src/shared/leniency.js';
import { growth } from './growth.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

test('JSON feeds are read with no DOM', () => {
  assert.equal(typeof (globalThis as { DOMParser?: unknown }).DOMParser, 'undefined');
  assert.equal(parseFeed(read('stories.json')).format, 'lede');
});

test('Lede Story JSON: every field, as an array or under `stories`', () => {
  const { format, stories, dropped } = parseFeed(read('stories.json'));
  assert.equal(format, 'lede');
  assert.equal(stories.length, 6);
  assert.deepEqual(dropped, []);
  assert.deepEqual(stories[0], {
    url: 'https://news.example/world/rafah-crossing',
    title: 'Rafah crossing opens for limited evacuations',
    image: { url: 'https://news.example/img/rafah.jpg', alt: 'Trucks at the Rafah crossing', width: 1200, height: 800 },
    kicker: 'Gaza',
    excerpt: 'More than 700 foreign citizens have left Gaza.',
    author: 'Nidal al-Mughrabi',
    datePublished: '2023-11-02T08:30:00Z',
  });
  assert.equal(stories[1]!.section, 'Diplomacy');
  const wrapped = parseFeed(JSON.stringify({ stories: [{ url: 'https://a.example/x', title: 'X' }] }));
  assert.deepEqual(wrapped.stories, [{ url: 'https://a.example/x', title: 'X' }]);
});

test('JSON Feed 1.1: fields mapped, relative URLs resolved against home_page_url, bad items and fields dropped and listed', () => {
  const { format, stories, dropped } = parseFeed(read('feed.json'));
  assert.equal(format, 'json-feed');
  assert.deepEqual(stories[0], {
    url: 'https://news.example/world/rafah-crossing',
    title: 'Rafah crossing opens for limited evacuations',
    image: { url: 'https://news.example/img/rafah.jpg', alt: '' },
    section: 'Gaza',
    excerpt: 'More than 700 foreign citizens have left.',
    author: 'Nidal al-Mughrabi',
    datePublished: '2023-11-02T08:30:00Z',
  });
  // HTML content becomes its words; a data: image is dropped but the story stays.
  assert.equal(stories[1]!.excerpt, 'Talks in Amman on Saturday & Sunday.');
  assert.deepEqual(stories[2], { url: 'https://news.example/world/workers', title: 'Israel sends back 7,000 Palestinian workers' });
  assert.equal(stories.length, 3);
  assert.deepEqual(dropped, [
    { field: 'items[1]', reason: 'no http(s) url' },
    { field: 'items[2]', reason: 'no http(s) url' },
    { field: 'items[4]', reason: 'no title' },
    { field: 'items[5].image', reason: 'not an http(s) image: "data:image/png;base64,AAAA"' },
  ]);
});

test('whole-document failures are LedeErrors with a code', () => {
  const codeOf = (source: string) => {
    try {
      parseFeed(source);
    } catch (error) {
      assert.ok(error instanceof LedeError);
      return error.code;
    }
    return 'no error';
  };
  assert.equal(codeOf(read('truncated.json')), 'invalid-json');
  assert.equal(codeOf(read('unsupported.json')), 'unsupported-format');
  assert.equal(codeOf('42'), 'unsupported-format');
  assert.equal(codeOf(''), 'invalid-json');
});

test('hostile values: only http(s) links and images; data text stays as written', () => {
  const hostile = [
    { url: 'javascript:alert(1)', title: 'x' },
    { url: ' JaVaScRiPt:alert(1)', title: 'x' },
    { url: 'data:text/html,<script>alert(1)</script>', title: 'x' },
    { url: 'vbscript:msgbox', title: 'x' },
    {
      url: 'https://a.example/ok',
      title: '<img src=x onerror=alert(1)>Hello <b>world</b>',
      image: { url: 'javascript:alert(1)', alt: 'x' },
      excerpt: '&lt;script&gt;alert(1)&lt;/script&gt;',
    },
    { url: 'https://a.example/two', title: 42 },
    null,
    'https://a.example/string',
  ];
  const log = new DropLog();
  const stories = readStories(hostile, undefined, log);
  assert.deepEqual(stories, [
    { url: 'https://a.example/ok', title: '<img src=x onerror=alert(1)>Hello <b>world</b>', excerpt: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  ]);
  // Seven unusable items, and the one usable item's script image.
  assert.deepEqual(
    log.fields.map(({ field }) => field),
    ['items[0]', 'items[1]', 'items[2]', 'items[3]', 'items[4].image', 'items[5]', 'items[6]', 'items[7]'],
  );
  assert.deepEqual(toStory({ url: '/relative', title: 'R' }, 'https://news.example/a/b'), { url: 'https://news.example/relative', title: 'R' });
});

test('feed text: plainText decodes entities, drops tags and scripts, keeps comparisons', () => {
  assert.equal(plainText('<p>Hi</p><script>alert(1)</script><style>p{}</style> there'), 'Hi there');
  assert.equal(plainText('5 < 6 and 7 > 3'), '5 < 6 and 7 > 3');
  // Every named reference, from the full table (issue 15: Node kept all but six as written).
  assert.equal(plainText('A&#39;s &#x2014; &eacute;&nbsp;b &bogus; &rsquo;&mdash;&hellip;'), "A's — é b &bogus; ’—…");
  assert.equal(plainText('&copy 2024 &amp co &NotEqualTilde;'), '© 2024 & co ≂̸');
  assert.equal(plainText('<p>one</p>\n<p>two</p>'), 'one two');
});

test('feed text: numeric references decode as the HTML parser decodes them, basic names in either case', () => {
  // C1 controls are windows-1252's characters; NUL, surrogates and beyond Unicode are U+FFFD.
  assert.equal(plainText('&#128;5 &#x93;q&#x94; &#150;'), '€5 “q” –');
  assert.equal(plainText('a&#0;b&#xD800;c&#x110000;d'), 'a\ufffdb\ufffdc\ufffdd');
  assert.equal(plainText('&AMP; &LT;b&GT; &QUOT;'), '& <b> "');
  assert.equal(plainText('&amp;amp; &#38;lt;'), '&amp; &lt;');
});

test('feed text: plainText takes time in proportion to its input, however many tags never close', () => {
  assert.equal(plainText('a <b <i>c</i> <script>x d'), 'a c x d');
  assert.equal(plainText('<STYLE>p{}</style >e<script>f'), 'e f');
  // Comments are dropped whole, as a page hides them.
  assert.equal(plainText('<!-- SC_OFF -->It&#39;s <!-- a > b --> here<!-- never closed >now'), "It's here now");
  for (const unit of ['<a', '<script', '<!--']) {
    const ratio = growth(plainText, (size) => unit.repeat(size), 1000);
    assert.ok(ratio < 3, `${unit} × n: each doubling of n multiplied the time by ${ratio.toFixed(1)}`);
  }
});

test('XML feeds that declare entities are refused before any XML parser sees them', () => {
  const feeds = [
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY name "Lede">]><rss><channel><item><title>&name;</title><link>https://a.example/</link></item></channel></rss>',
    '<!DOCTYPE rss [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]><rss/>',
    // External and parameter entities live in an internal subset too.
    '<!DOCTYPE rss [<!ENTITY x SYSTEM "http://127.0.0.1/secret">]><rss><channel><title>&x;</title></channel></rss>',
    '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1/evil.dtd"> %p;]><rss/>',
    '<!doctype rss SYSTEM "http://127.0.0.1/rss.dtd" [<!ENTITY x "y">]><rss/>',
    // A `>` inside the system literal must not hide the subset after it.
    '<!DOCTYPE rss SYSTEM "http://127.0.0.1/a>b" [<!ENTITY x "y">]><rss/>',
    // Nor may a harmless DOCTYPE in a comment hide the real one.
    '<!-- <!DOCTYPE rss> --><!DOCTYPE rss [<!ENTITY x "y">]><rss/>',
    // A DOCTYPE that never closes, however long.
    `<!DOCTYPE rss${' '.repeat(100_000)}<rss/>`,
    `<!DOCTYPE rss PUBLIC "a" ${' '.repeat(100_000)}<rss/>`,
  ];
  for (const feed of feeds) {
    // Node has no DOMParser: reaching it would throw a ReferenceError, not this.
    assert.throws(
      () => parseFeed(feed),
      (error) => error instanceof LedeError && error.code === 'invalid-data',
    );
  }
});

test('selectStories: excludes the current page, drops duplicate URLs, keeps at most max', () => {
  const stories = [
    { url: 'https://a.example/current/', title: 'Current' },
    { url: 'https://a.example/one', title: 'One' },
    { url: 'https://a.example/one/#top', title: 'One again' },
    { url: 'https://a.example/one?utm_source=feed', title: 'One tracked' },
    { url: 'https://a.example/two', title: 'Two' },
    { url: 'https://a.example/three', title: 'Three' },
  ];
  assert.deepEqual(
    selectStories(stories, ['HTTPS://A.example/current', undefined], 10).map((story) => story.title),
    ['One', 'Two', 'Three'],
  );
  assert.deepEqual(
    selectStories(stories, [], 2).map((story) => story.title),
    ['Current', 'One'],
  );
  assert.equal(storyKey('https://a.example/x/?utm_medium=m&id=2#c'), 'https://a.example/x?id=2');
  assert.equal(storyKey('https://a.example/x?id=2&utm_source=s&utm_medium=m'), 'https://a.example/x?id=2');
  assert.equal(storyKey('https://a.example/'), 'https://a.example');
});

test('JSON Feed 1.0: one author, date_modified when nothing was published, an RFC 822 date converted', () => {
  const { format, stories, dropped } = parseFeed(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      items: [
        { id: '1', url: 'https://a.example/1', title: 'One', author: { name: 'Brent Simmons' }, date_modified: '2017-05-17T08:02:12-07:00' },
        { id: '2', url: 'https://a.example/2', title: 'Two', date_published: 'Wed, 17 May 2017 15:02:12 GMT' },
        { id: '3', url: 'https://a.example/3', title: 'Three', date_published: 'soon', author: { name: 42 } },
      ],
    }),
  );
  assert.equal(format, 'json-feed');
  assert.deepEqual(stories, [
    { url: 'https://a.example/1', title: 'One', author: 'Brent Simmons', datePublished: '2017-05-17T08:02:12-07:00' },
    { url: 'https://a.example/2', title: 'Two', datePublished: '2017-05-17T15:02:12.000Z' },
    { url: 'https://a.example/3', title: 'Three' },
  ]);
  assert.deepEqual(
    dropped.map(({ field }) => field),
    ['items[2].author', 'items[2].datePublished'],
  );
});
