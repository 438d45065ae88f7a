import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticleText } from '../../src/article-text.js';
import { parseLooseDate } from '../../src/text/dates.js';

const paragraphs = (text: string) => (parseArticleText(text).body ?? []).map((block) => (block.type === 'paragraph' ? block.text : block.type));

test('a kicker on its own line is the kicker, and the by-line and date under the headline are read (issue 15)', () => {
  const article = parseArticleText(
    'LATEST DEVELOPMENTS\nBlinken Seeks Humanitarian Pauses in Gaza War\nBy Michael Perry, Angus MacSwan and Dan Williams\nNovember 3, 2023\n\nU.S. Secretary of State Antony Blinken arrived in Israel on Friday.',
  );
  assert.equal(article.kicker, 'LATEST DEVELOPMENTS');
  assert.equal(article.headline, 'Blinken Seeks Humanitarian Pauses in Gaza War');
  assert.deepEqual(article.authors, [{ name: 'Michael Perry' }, { name: 'Angus MacSwan' }, { name: 'Dan Williams' }]);
  assert.equal(article.datePublished, '2023-11-03');
  assert.deepEqual(paragraphs('LATEST DEVELOPMENTS\nBlinken Seeks Pauses\nBy Michael Perry\n\nBody text.'), ['Body text.']);
});

test('a kicker in ordinary case needs a by-line or date under the headline', () => {
  const article = parseArticleText(
    'Israel-Hamas war\nRafah crossing opens for evacuations\nBy Nidal al-Mughrabi & Emily Rose\nFri 3 Nov 2023 10.15 GMT\n\nMore than 700 people left Gaza.',
  );
  assert.equal(article.kicker, 'Israel-Hamas war');
  assert.equal(article.headline, 'Rafah crossing opens for evacuations');
  assert.deepEqual(article.authors, [{ name: 'Nidal al-Mughrabi' }, { name: 'Emily Rose' }]);
  assert.equal(article.datePublished, '2023-11-03T10:15:00Z');
});

test('a short headline over its dek stays the headline', () => {
  const article = parseArticleText('Gaza talks stall\nThe Secretary of State met Israel’s prime minister in Tel Aviv.\n\nBody text.');
  assert.equal(article.kicker, undefined);
  assert.equal(article.headline, 'Gaza talks stall');
  const withBy = parseArticleText('Gaza talks stall\nBy Jane Doe\n\nBody text.');
  assert.equal(withBy.kicker, undefined);
  assert.equal(withBy.headline, 'Gaza talks stall');
  assert.equal(withBy.byline, 'Jane Doe');
});

test('dates on their own line in common formats', () => {
  assert.equal(parseLooseDate('Fri 3 Nov 2023 10.15 GMT'), '2023-11-03T10:15:00Z');
  for (const [line, date] of [
    ['November 3, 2023', '2023-11-03'],
    ['3 November 2023', '2023-11-03'],
    ['Friday, November 3, 2023', '2023-11-03'],
    ['Published 3 November 2023', '2023-11-03'],
    ['2023-11-03T10:15:00Z', '2023-11-03T10:15:00Z'],
  ]) {
    assert.equal(parseArticleText(`EXCLUSIVE\nA headline for the test\n${line}\n\nBody.`).datePublished, date, line);
  }
});

test('garbage never throws', () => {
  const garbage = [
    '',
    '\n\n\n',
    ':',
    'BY',
    'By\n',
    '\u0000\u202e',
    'A\nB\nC',
    'ALL CAPS\n',
    'X'.repeat(100_000),
    'Kicker\n'.repeat(5000),
    'By a\n'.repeat(5000),
  ];
  let seed = 15;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let index = 0; index < 200; index++) {
    garbage.push(Array.from({ length: 1 + Math.floor(random() * 80) }, () => 'AB c:\n\n|·By 2023-11-03 ,.!?'[Math.floor(random() * 23)]).join(''));
  }
  for (const text of garbage) assert.doesNotThrow(() => parseArticleText(text), JSON.stringify(text.slice(0, 40)));
});
