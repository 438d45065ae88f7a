// XML feed details no real capture in the corpus shows: each case small and written for the rule it checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../../src/formats/feeds.js';
import { feedDate } from '../../src/formats/feeds/dates.js';
import { installStrictDomParser } from '../support/strict-dom-parser.js';

installStrictDomParser();

const rssItem = (inner: string) => `<rss version="2.0"><channel><item><title>T</title><link>https://a.example/1</link>${inner}</item></channel></rss>`;

test('RFC 822 dates in every spelling feeds use, the same in every engine; no-zone and foreign ones are not guessed', () => {
  assert.equal(feedDate('Tue, 10 Jun 2003 04:00:00 GMT'), '2003-06-10T04:00:00.000Z');
  assert.equal(feedDate('Wed, 07 Jan 2009 14:59:00 -0600'), '2009-01-07T20:59:00.000Z');
  assert.equal(feedDate('Mon, 07 Jan 2019 17:19:19 +0100'), '2019-01-07T16:19:19.000Z');
  assert.equal(feedDate('17 Jan 2009 21:02:58 EST'), '2009-01-18T02:02:58.000Z');
  assert.equal(feedDate('Tue, 01 Oct 2019 14:30:00 PDT'), '2019-10-01T21:30:00.000Z');
  assert.equal(feedDate('Sun, 5 Mar 95 09:15 +0530'), '1995-03-05T03:45:00.000Z');
  assert.equal(feedDate(' 2023-11-02T08:30:00Z '), '2023-11-02T08:30:00Z');
  for (const unread of [
    '2018-09-18 10:51:14',
    'Seg, 24 Set 2018 19:42:40 -0300',
    'Fri, 31 Feb 2020 10:00:00 GMT',
    'yesterday',
    'Tue, 10 Jun 2003 04:00:00 XYZ',
  ]) {
    assert.equal(feedDate(unread), undefined, unread);
  }
});

test('Atom 0.3: its namespace, issued and modified dates, escaped content', () => {
  const { format, stories } = parseFeed(
    `<?xml version="1.0" encoding="utf-8"?>
    <feed version="0.3" xmlns="http://purl.org/atom/ns#">
      <title>dive into mark</title>
      <entry>
        <title>Atom 0.3 snapshot</title>
        <link rel="alternate" type="text/html" href="http://diveintomark.org/2003/12/13/atom03"/>
        <issued>2003-12-13T08:29:29-04:00</issued>
        <modified>2003-12-13T18:30:02Z</modified>
        <author><name>Mark Pilgrim</name></author>
        <content type="text/html" mode="escaped">&lt;p&gt;The &lt;b&gt;snapshot&lt;/b&gt;&lt;/p&gt;</content>
      </entry>
    </feed>`,
  );
  assert.equal(format, 'atom');
  assert.deepEqual(stories, [
    {
      url: 'http://diveintomark.org/2003/12/13/atom03',
      title: 'Atom 0.3 snapshot',
      datePublished: '2003-12-13T08:29:29-04:00',
      author: 'Mark Pilgrim',
      excerpt: 'The snapshot',
    },
  ]);
});

test('bytes: a byte order mark and white space before the declaration; the Content-Type charset over the declaration', () => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`\n  <?xml version="1.0"?>${rssItem('')}`.replace('<title>T', '<title>Café'))]);
  assert.equal(parseFeed(bom).stories[0]!.title, 'Café');
  // windows-1252: 0x93 and 0x94 are curly quotes, 0xE9 is é.
  const bytes = new Uint8Array([
    ...new TextEncoder().encode('<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>'),
    0x93,
    0x43,
    0x61,
    0x66,
    0xe9,
    0x94,
    ...new TextEncoder().encode('</title><link>https://a.example/</link></item></channel></rss>'),
  ]);
  assert.equal(parseFeed(bytes, undefined, 'application/rss+xml; charset=windows-1252').stories[0]!.title, '“Café”');
});

test('an encoding no decoder knows is read as UTF-8 and reported', () => {
  const { stories, dropped } = parseFeed(new TextEncoder().encode(`<?xml version="1.0" encoding="x-klingon"?>${rssItem('')}`));
  assert.equal(stories.length, 1);
  assert.deepEqual(
    dropped.map(({ field }) => field),
    ['encoding'],
  );
});

test('HTML entities XML does not define are mended and reported, decoded once; double escapes decode once too', () => {
  const { stories, dropped } = parseFeed(
    rssItem('<description>It&rsquo;s &mdash; here &amp;rsquo; &amp;amp;amp;</description>').replace('<title>T', '<title>Don&rsquo;t'),
  );
  assert.equal(stories[0]!.title, 'Don’t');
  // XML's escaping undone, then HTML's once: &amp;amp;amp; is the text "&amp;amp;", whose words are "&amp;".
  assert.equal(stories[0]!.excerpt, 'It’s — here ’ &amp;');
  assert.deepEqual(
    dropped.map(({ field }) => field),
    ['xml'],
  );
  // Never markup: an escaped tag in a title is text, and &lt; spelled out stays a character.
  assert.equal(parseFeed(rssItem('').replace('<title>T', '<title>&amp;lt;b&amp;gt;bold')).stories[0]!.title, '<b>bold');
});

test('images: media:group, an image enclosure, itunes:image, each resolved against xml:base', () => {
  const feed = `<rss xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xml:base="https://news.example/feeds/">
    <channel>
      <item><title>Group</title><link>a</link>
        <media:group><media:content url="img/small.jpg" medium="image" width="320" height="180"/><media:content url="img/large.jpg" medium="image" width="1280" height="720"/><media:content url="clip.mp4" type="video/mp4"/></media:group>
      </item>
      <item xml:base="/other/"><title>Enclosure</title><link>b</link><enclosure url="b.png" type="image/png" length="1"/></item>
      <item><title>iTunes</title><link>c</link><enclosure url="c.mp3" type="audio/mpeg" length="1"/><itunes:image href="https://cdn.example/c.jpg"/></item>
      <item><title>Unsafe</title><link>d</link><media:thumbnail url="javascript:alert(1)"/></item>
    </channel></rss>`;
  const { stories, dropped } = parseFeed(feed, 'https://ignored.example/');
  assert.deepEqual(
    stories.map(({ url, image }) => [url, image?.url, image?.width]),
    [
      ['https://news.example/feeds/a', 'https://news.example/feeds/img/large.jpg', 1280],
      ['https://news.example/other/b', 'https://news.example/other/b.png', undefined],
      ['https://news.example/feeds/c', 'https://cdn.example/c.jpg', undefined],
      ['https://news.example/feeds/d', undefined, undefined],
    ],
  );
  assert.deepEqual(dropped, [{ field: 'items[3].image', reason: 'not an http(s) image: "javascript:alert(1)"' }]);
});

test('items without a link or a title are dropped and listed; the feed renders the rest', () => {
  const feed = `<rss><channel>
    <item><title>No link</title></item>
    <item><link>https://a.example/no-title</link></item>
    <item><title>Kept</title><guid>https://a.example/kept</guid></item>
    <item><title>Not a permalink</title><guid isPermaLink="false">https://a.example/x</guid></item>
  </channel></rss>`;
  const { stories, dropped } = parseFeed(feed);
  assert.deepEqual(stories, [{ url: 'https://a.example/kept', title: 'Kept' }]);
  assert.deepEqual(dropped, [
    { field: 'items[0]', reason: 'no http(s) url' },
    { field: 'items[1]', reason: 'no title' },
    { field: 'items[3]', reason: 'no http(s) url' },
  ]);
});

test('a document that is no feed, or XML broken beyond & and entities, still fails', () => {
  assert.throws(() => parseFeed('<html><body>Not a feed</body></html>'), { code: 'unsupported-format' });
  assert.throws(() => parseFeed('<rss><channel><item></channel></rss>'), { code: 'invalid-data' });
});
