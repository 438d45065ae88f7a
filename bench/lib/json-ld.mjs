// Reading schema.org JSON-LD with the built `dist/`: a 200 kB WordPress/Yoast-style `@graph` (the
// real sfstandard.com page of test/fixtures/real/json-ld/, grown with more authors, images and body),
// read leniently by `readMappedArticle` (the element's path for such data) beside `JSON.parse` alone of the same text, in the same run; and
// how the read's time grows from 1× to 2× the input (linear work doubles it).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { timePerCall, timeRatio } from './growth.mjs';

/** The @graph sizes timed, in characters. */
export const jsonLdSize = 200_000;

/**
 * The real page's graph, its article given `size / 1000` more authors (each a `Person` node in the
 * graph, referenced by `@id`) and images, and a body of paragraphs: `size` characters of JSON.
 * @param {string} root @param {number} size
 */
export async function jsonLdGraph(root, size) {
  const page = JSON.parse(await readFile(join(root, 'test/fixtures/real/json-ld/sfstandard-yoast.json'), 'utf8'));
  const [article, ...rest] = page['@graph'];
  const build = (/** @type {number} */ count) => {
    const people = Array.from({ length: count }, (_, index) => ({
      '@type': 'Person',
      '@id': `https://sfstandard.com/#/schema/person/${index}`,
      name: `Reporter ${index}`,
      url: `https://sfstandard.com/author/reporter-${index}/`,
      description: 'Covers food, drink &amp; the restaurant industry for The Standard&#8217;s readers.',
      image: { '@type': 'ImageObject', '@id': `https://sfstandard.com/#/schema/person/image/${index}`, url: `https://content.sfstandard.com/p/${index}.jpg` },
    }));
    const body = Array.from(
      { length: count },
      (_, index) => `Paragraph ${index}: diners hate them, owners say they need them, and servers &amp; cooks are on the front lines.`,
    );
    const graph = [{ ...article, author: people.map((person) => ({ '@id': person['@id'] })), articleBody: body.join('\n\n') }, ...rest, ...people];
    return JSON.stringify({ ...page, '@graph': graph });
  };
  // Scale the count to the size: two or three tries.
  let count = 1;
  let text = build(count);
  while (text.length < size) {
    count = Math.ceil((count * size) / text.length) + 1;
    text = build(count);
  }
  return text;
}

/**
 * @param {string} root
 * @param {number} budgetGrowth time(2×) ÷ time(1×)
 * @returns {Promise<{ rows: import('./report.mjs').Row[], data: Record<string, number> }>}
 */
export async function measureJsonLd(root, budgetGrowth) {
  const load = (file) => import(pathToFileURL(join(root, 'dist', file)).href);
  // What `<lede-article>` runs on data that is not Lede's own JSON (`readArticle` is not in the build).
  const { readMappedArticle } = await load('formats/article-formats.js');
  const { DropLog } = await load('shared/leniency.js');
  const read = (/** @type {string} */ text) => readMappedArticle(JSON.parse(text), new DropLog());
  const parse = (/** @type {string} */ text) => JSON.parse(text);
  const once = await jsonLdGraph(root, jsonLdSize);
  const twice = await jsonLdGraph(root, jsonLdSize * 2);
  // The sampler counts a thrown error as work done: make sure the read really reads.
  for (const text of [once, twice]) if (!read(text).authors?.length) throw new Error('the bench @graph did not read as an article with authors');
  const parseMs = timePerCall(parse, once);
  const readMs = timePerCall(read, once);
  const growth = timeRatio(read, once, twice);
  const mbPerSecond = (ms) => once.length / 1000 / ms;
  return {
    data: { bytes: once.length, parseMs, readMs, growth },
    rows: [
      {
        figure: `readMappedArticle: ${Math.round(once.length / 1000)} kB JSON-LD @graph (parse and read)`,
        value: `${mbPerSecond(readMs).toFixed(0)} MB/s (${readMs.toFixed(2)} ms)`,
        baseline: `JSON.parse alone ${mbPerSecond(parseMs).toFixed(0)} MB/s (${parseMs.toFixed(2)} ms)`,
        note: `read ÷ parse ${(readMs / parseMs).toFixed(2)}×; ${once.split('"Person"').length - 1} Person nodes by @id, a ${once.match(/Paragraph \d+/g)?.length ?? 0}-paragraph body`,
      },
      {
        figure: 'readMappedArticle: time(2× @graph) ÷ time(1×)',
        value: `${growth.toFixed(2)}×`,
        baseline: 'linear 2×',
        budget: `≤ ${budgetGrowth}×`,
        ok: growth <= budgetGrowth,
        note: 'CPU time, median of paired runs',
      },
    ],
  };
}
