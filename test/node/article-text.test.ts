import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArticleText } from '../../src/article-text.js';
import { parseLooseDate } from '../../src/text/dates.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('the importer loads with no DOM', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  assert.equal(typeof parseArticleText, 'function');
});

test('parses the seed article', () => {
  const article = parseArticleText(read('demo/content/seed-article.txt'));
  assert.equal(article.kicker, 'LATEST DEVELOPMENTS');
  assert.equal(article.headline, 'U.S. Secretary of State Antony Blinken Seeks Humanitarian Pauses in Gaza War Amid Escalating Violence');
  assert.equal(article.byline, 'time news');
  assert.equal(article.authors, undefined);
  assert.equal(article.alternativeHeadline, 'U.S. Secretary of State Pushes for Humanitarian Pause as Conflict Escalates in Gaza');
  assert.equal(article.datePublished, '2023-11-03');
  assert.equal(article.body?.length, 9);
  assert.match(article.creditsText ?? '', /^This article includes reporting from Nidal al-Mughrabi.*Andrew Cawthorne\.$/);
  const bodyText = JSON.stringify(article.body);
  assert.doesNotMatch(bodyText, /You may also like|Leave a Comment|This article includes/);
});

test('parses a Reuters-style fixture', () => {
  const article = parseArticleText(read('test/fixtures/article-text/reuters.txt'));
  assert.equal(article.dateline, 'GAZA');
  assert.equal(article.datePublished, '2023-11-03T10:15:00');
  assert.match(article.creditsText ?? '', /^\(Reporting by .*Andrew Cawthorne\)$/);
});

test('parses loose dates', () => {
  assert.equal(parseLooseDate('Friday, November 3, 2023'), '2023-11-03');
  assert.equal(parseLooseDate('Nov. 3, 2023 at 10:15 a.m.'), '2023-11-03T10:15:00');
  assert.equal(parseLooseDate('February 30, 2023'), undefined);
});

test('never throws on garbage, including 1 MB of adversarial text', () => {
  assert.deepEqual(parseArticleText(null as unknown as string), { headline: '', body: [] });
  assert.deepEqual(parseArticleText(''), { headline: '', body: [] });
  const alphabet = 'AB c:,.\n\n-—“”"()>#*1 \u0000';
  let state = 7;
  let junk = '';
  for (let index = 0; index < 1_000_000; index++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    junk += alphabet[state % alphabet.length];
  }
  const article = parseArticleText(junk);
  assert.equal(typeof article.headline, 'string');
  assert.ok(Array.isArray(article.body));
  assert.equal(parseArticleText('x'.repeat(1_000_000)).body?.length, 1);
});
