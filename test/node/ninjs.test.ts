import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Article } from '../../src/model.js';
import { blocksToText } from '../../src/formats/article-data.js';
import { readArticle } from '../../src/formats/article-formats.js';
import { fromNinjs } from '../../src/formats/ninjs.js';
import { readNitf } from '../../src/formats/ninjs/nitf.js';
import { plainText } from '../../src/formats/plain-text.js';
import { DropLog } from '../../src/shared/leniency.js';
import { realNinjs } from '../support/real-ninjs.js';

const read = (path: string): string => readFileSync(new URL(`../fixtures/real/${path}`, import.meta.url), 'utf8');
const globals = globalThis as { DOMParser?: unknown };

/** xmldom as strict as browsers' parsers, for which malformed XML (an HTML-only reference) is fatal. */
class BrowserLikeParser extends DOMParser {
  constructor() {
    super({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
  }
}

/** Runs `body` with a DOMParser, as in a browser: NITF is read for its structure only where one exists. */
function withDomParser<T>(body: () => T): T {
  globals.DOMParser = BrowserLikeParser;
  try {
    return body();
  } finally {
    delete globals.DOMParser;
  }
}

/** Every word a reader can see in the body: blocks, captions, and HTML as text. */
const bodyText = (article: Article) => `${blocksToText(article.body)} ${plainText(article.bodyHtml ?? '')}`.replace(/\s+/g, ' ');

/** The URLs of the media a reader sees, with the element that shows each. */
function mediaOf(article: Article): string[] {
  const urls = (article.body ?? []).flatMap((block) =>
    block.type === 'figure' ? [`img ${block.image.url}`] : block.type === 'media' ? [`${block.kind} ${block.url} ${block.poster?.url ?? ''}`] : [],
  );
  if (article.image) urls.push(`img ${article.image.url}`);
  for (const [, tag, src] of (article.bodyHtml ?? '').matchAll(/<(img|video|audio)\b[^>]*?\ssrc="([^"]*)"/g))
    urls.push(`${tag} ${src!.replaceAll('&#38;', '&')}`);
  return urls;
}

for (const expected of realNinjs) {
  test(`real ninjs: ${expected.file}`, () => {
    const article = withDomParser(() => readArticle(JSON.parse(read(`ninjs/${expected.file}`))));
    assert.equal(article.headline, expected.headline);
    assert.equal(article.byline ?? article.authors?.map((author) => author.name).join(', '), expected.byline);
    assert.equal(article.datePublished ?? article.dateModified, expected.date);
    if (expected.dek) assert.ok(article.dek?.startsWith(expected.dek), `dek: ${article.dek}`);
    assert.equal(article.dateline, expected.dateline);
    const text = bodyText(article);
    for (const words of expected.words) assert.ok(text.includes(words), `"${words}" in ${text.slice(0, 200)}…`);
    if (expected.media) {
      const { kind, url, poster } = expected.media;
      const shown = mediaOf(article);
      assert.ok(
        shown.some((entry) => entry.startsWith(`${kind} `) && entry.includes(url) && (!poster || entry.includes(poster))),
        `${kind} ${url} among ${shown.join(' | ')}`,
      );
    }
  });
}

test('ninjs 1.x: body_xhtml is the body when there is no body_html', () => {
  const article = readArticle(JSON.parse(read('ninjs/iptc-medium-text-1.json')));
  assert.match(article.bodyHtml ?? '', /^<p>GROSSETO, Italy \(AP\)/);
  assert.equal(article.body, undefined);
});

test('ninjs: people are authors only when their rel says so (AP lists the people a story is about)', () => {
  const article = readArticle(JSON.parse(read('ninjs/ap-video-3.json')));
  assert.equal(article.authors, undefined);
});

test('ninjs: a picture already shown in the HTML body is not shown again as the lead image', () => {
  const article = readArticle(JSON.parse(read('ninjs/tt-text-image-3.json')));
  assert.equal(article.image, undefined);
  assert.equal(mediaOf(article).filter((entry) => entry.includes('a001_')).length, 1);
});

test('ninjs: a video item shows its widest rendition a page needs, with a still as the poster', () => {
  const article = readArticle(JSON.parse(read('ninjs/ap-video-3.json')));
  const [video] = article.body ?? [];
  assert.equal(video?.type === 'media' && video.kind, 'video');
  assert.ok(video?.type === 'media' && video.width === 1920 && video.height === 1080 && video.poster?.width === 1920);
  assert.equal(video?.type === 'media' ? video.caption?.startsWith('As the Trump impeachment hearings go public') : false, true);
  // The caption is the video's, not a dek repeating it.
  assert.equal(article.dek, undefined);
});

test('ninjs: a picture item credits its creditline', () => {
  const [figure] = readArticle(JSON.parse(read('ninjs/ap-image-3.json'))).body ?? [];
  assert.equal(figure?.type === 'figure' ? figure.credit : undefined, 'ASSOCIATED PRESS');
});

test('NITF without a DOMParser: the text of its paragraphs is kept', () => {
  assert.equal(globals.DOMParser, undefined);
  const article = readArticle(JSON.parse(read('ninjs/addb-nitf-3.json')));
  assert.ok(article.body!.every((block) => block.type === 'paragraph'));
  assert.ok(bodyText(article).startsWith('The Australian Sports Anti-Doping Authority (ASADA) today announced'));
});

test('NITF (NTB): headline, byline, dateline, hl2 subheadings, lists, and escaped markup kept as text', () => {
  const log = new DropLog();
  const nitf = withDomParser(() => readNitf(read('nitf/ntb-faktisk.xml'), log, 'bodies[0]'))!;
  assert.equal(nitf.headline, 'Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030');
  assert.equal(nitf.byline, 'Geir Molnes / Faktisk.no');
  assert.equal(nitf.dateline, 'Oslo');
  const headings = nitf.blocks.filter((block) => block.type === 'heading').map((block) => block.type === 'heading' && block.text);
  assert.deepEqual(headings.slice(0, 3), ['Påstand', 'Konklusjon: Faktisk helt feil', 'Gjennomgang']);
  const list = nitf.blocks.find((block) => block.type === 'list');
  assert.equal(list?.type === 'list' ? list.items[2] : undefined, 'Flere obligatoriske vaksiner');
  // The embed code is text in the feed, and stays text.
  assert.ok(blocksToText(nitf.blocks).includes('<script async defer src="https://www.faktisk.no/js/embed.js"></script>'));
  // Its picture's source is NTB's id for the file, not a URL: left out, and said so.
  assert.equal(nitf.blocks.filter((block) => block.type === 'figure').length, 0);
  assert.deepEqual(
    log.fields.map((entry) => entry.field),
    ['bodies[0]'],
  );
});

test('NITF media become figures, videos and quotes; malformed NITF falls back to its text', () => {
  const nitf = (content: string) =>
    withDomParser(() => readNitf(`<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>${content}</body.content></body></nitf>`));
  const figure = nitf(
    '<media media-type="image"><media-reference source="https://a.example/p.jpg" width="800" height="600" alternate-text="Alt"/><media-caption>Cap</media-caption><media-producer>AP</media-producer></media>',
  );
  assert.deepEqual(figure?.blocks, [
    { type: 'figure', image: { url: 'https://a.example/p.jpg', alt: 'Alt', width: 800, height: 600 }, caption: 'Cap', credit: 'AP' },
  ]);
  const video = nitf(
    '<media media-type="video"><media-reference source="https://a.example/v.mp4" mime-type="video/mp4"/><media-reference source="https://a.example/still.jpg" mime-type="image/jpeg"/></media>',
  );
  assert.equal(video?.blocks[0]?.type === 'media' ? video.blocks[0].poster?.url : undefined, 'https://a.example/still.jpg');
  const quote = nitf('<bq><block><p>Said this.</p></block><credit>Her</credit></bq>');
  assert.deepEqual(quote?.blocks, [{ type: 'quote', text: 'Said this.', cite: 'Her' }]);
  // An HTML reference XML does not know: read as HTML instead, the text intact.
  const entity = nitf('<p>Caf&eacute;&nbsp;au lait</p>');
  assert.equal(entity?.blocks[0]?.type === 'paragraph' ? entity.blocks[0].text : undefined, 'Café au lait');
});

test('ninjs: garbage never throws, and what is dropped is said', () => {
  const log = new DropLog();
  const mapped = withDomParser(() =>
    fromNinjs(
      {
        uri: 'urn:x',
        headlines: [{ value: 'Kept' }],
        bodies: [
          { contentType: 'text/vnd.IPTC.NITF', value: 42 },
          { contentType: 'application/pdf', value: 'x' },
        ],
        associations: [
          { type: 'picture', renditions: [{ name: 'no href' }] },
          'not an object',
          { type: 'video', renditions: { main: { href: 'https://a.example/v.mp4', contenttype: 'video/mp4' } } },
        ],
      },
      log,
    ),
  );
  assert.equal(mapped.headline, 'Kept');
  assert.deepEqual(
    log.fields.map((entry) => entry.field),
    ['bodies[0].value', 'bodies', 'associations[0].renditions'],
  );
  assert.deepEqual(mapped.body, [
    {
      type: 'media',
      kind: 'video',
      url: 'https://a.example/v.mp4',
      poster: undefined,
      width: undefined,
      height: undefined,
      caption: undefined,
      credit: undefined,
    },
  ]);
  for (const garbage of ['<nitf>', '<', '<body.content><block>'.repeat(5000), '\u0000<p>', '']) {
    assert.doesNotThrow(() => withDomParser(() => readNitf(garbage)));
    assert.doesNotThrow(() => readNitf(garbage));
  }
});
