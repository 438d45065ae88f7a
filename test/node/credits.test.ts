import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatCredits, parseCredits } from '../../src/credits.js';
import { parseArticleText } from '../../src/article-text.js';
import type { Credit } from '../../src/model.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Compact expectations: "Name|roles|location|org". */
const summary = (credits: Credit[]) =>
  credits.map((credit) =>
    [credit.name, credit.roles.join('+'), credit.location ?? '', credit.kind === 'organization' ? 'org' : ''].join('|').replace(/\|+$/, ''),
  );

test('loads with no DOM', () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
});

test('the seed article: all 13 people with their roles and places', () => {
  const article = parseArticleText(read('demo/content/seed-article.txt'));
  assert.deepEqual(summary(parseCredits(article.creditsText)), [
    'Nidal al-Mughrabi|reporting|Gaza',
    'Ali Sawafta|reporting|Ramallah',
    'Dan Williams|reporting|Jerusalem',
    'Emily Rose|reporting|Jerusalem',
    'Maytaal Angel|reporting|Jerusalem',
    'Clauda Tanios|reporting|Dubai',
    'Patricia Zengerle|reporting|Washington',
    'Phil Stewart|reporting|Washington',
    'Idrees Ali|reporting|Washington',
    'Michael Perry|writing',
    'Angus MacSwan|writing',
    'Miral Fahmy|editing',
    'Andrew Cawthorne|editing',
  ]);
});

test("the Reuters fixture's parenthesised credits", () => {
  const article = parseArticleText(read('test/fixtures/article-text/reuters.txt'));
  assert.deepEqual(summary(parseCredits(article.creditsText)), [
    'Nidal al-Mughrabi|reporting|Gaza',
    'Dan Williams|reporting|Jerusalem',
    'Michael Perry|writing',
    'Andrew Cawthorne|editing',
  ]);
});

test('the AP fixture\'s "writers … contributed to this report"', () => {
  const article = parseArticleText(read('test/fixtures/article-text/ap.txt'));
  assert.deepEqual(summary(parseCredits(article.creditsText)), ['Kevin Freking|contributing', 'Mary Clare Jalonick|contributing']);
});

const cases: [string, string, string[]][] = [
  [
    'Reuters: all roles, semicolons',
    '(Reporting by Jonathan Saul in London; Additional reporting by Yuka Obayashi in Tokyo; Writing by Simon Lewis; Editing by Alex Richardson and Jan Harvey)',
    ['Jonathan Saul|reporting|London', 'Yuka Obayashi|additional-reporting|Tokyo', 'Simon Lewis|writing', 'Alex Richardson|editing', 'Jan Harvey|editing'],
  ],
  [
    'without parentheses, role words in any case',
    'Reporting By Gabriel Stargardter in PARIS; editing by Ros Russell',
    ['Gabriel Stargardter|reporting|Paris', 'Ros Russell|editing'],
  ],
  [
    'roles separated by nothing at all',
    '(Reporting by Nidal al-Mughrabi in Gaza and Dan Williams Writing by Michael Perry Editing by Andrew Cawthorne)',
    ['Nidal al-Mughrabi|reporting|Gaza', 'Dan Williams|reporting', 'Michael Perry|writing', 'Andrew Cawthorne|editing'],
  ],
  [
    'roles separated by commas and full stops',
    'Reporting by Ali Kucukgocmen, Writing by Daren Butler. Editing by Jonathan Spicer.',
    ['Ali Kucukgocmen|reporting', 'Daren Butler|writing', 'Jonathan Spicer|editing'],
  ],
  [
    'several parenthesised groups, a compiling newsroom and an empty role at the end',
    '(Reporting by Pawel Florkiewicz and Anna Wlodarczak-Semczuk) (Compiled by the Gdansk Newsroom; Editing by)',
    ['Pawel Florkiewicz|reporting', 'Anna Wlodarczak-Semczuk|reporting', 'Gdansk Newsroom|compiling||org'],
  ],
  [
    "semicolons between groups keep the role; a place after a group is the group's alone",
    '(Reporting by Ju-min Park and Hyonhee Shin in SEOUL; Liu Zhen in Beijing; Kantaro Komiya in Tokyo; Editing by Lincoln Feast.)',
    ['Ju-min Park|reporting|Seoul', 'Hyonhee Shin|reporting|Seoul', 'Liu Zhen|reporting|Beijing', 'Kantaro Komiya|reporting|Tokyo', 'Lincoln Feast|editing'],
  ],
  [
    'places with commas: states, countries, D.C., two-word countries',
    'Reporting by David Shepardson in Washington, D.C., Tim Reid in Springfield, Illinois, Nelson Banya in Harare, Zimbabwe and Wendell Roelf in Cape Town, South Africa; Editing by Leslie Adler',
    [
      'David Shepardson|reporting|Washington, D.C.',
      'Tim Reid|reporting|Springfield, Illinois',
      'Nelson Banya|reporting|Harare, Zimbabwe',
      'Wendell Roelf|reporting|Cape Town, South Africa',
      'Leslie Adler|editing',
    ],
  ],
  [
    '"Written by", "edited by", a province and a line break between roles',
    'Written by Nia Williams in Calgary, Alberta\nedited by Marguerita Choy',
    ['Nia Williams|writing|Calgary, Alberta', 'Marguerita Choy|editing'],
  ],
  [
    'a spaced dash ends a clause; an agency tag after it credits no one',
    'Reporting by Ron Bousso - Editing by Jason Neely - REUTERS',
    ['Ron Bousso|reporting', 'Jason Neely|editing'],
  ],
  [
    'an agency as the whole contribution; a staffer and the agency as authors',
    'Reuters contributed to this report. By Jane Doe, The Associated Press',
    ['Reuters|contributing||org', 'Jane Doe|author', 'Associated Press|author||org'],
  ],
  [
    'AP state abbreviations, a sentence after "D.C."',
    'Reporting by Sara Burnett in Chicago, Ill., and Ann Lee in Washington, D.C. The story was written by Bo Ma.',
    ['Sara Burnett|reporting|Chicago, Ill.', 'Ann Lee|reporting|Washington, D.C.', 'Bo Ma|writing'],
  ],
  [
    'names joined by &, / and an Oxford comma; "Graphics by", "Photos by"',
    "Graphics by Ann Wu & Bo Li. Photos by Tom Lee/Reuters. Written by Kim Hjelmgaard, Tom Vanden Brook, and Jane O'Donnell.",
    [
      'Ann Wu|graphics',
      'Bo Li|graphics',
      'Tom Lee|photography',
      'Reuters|photography||org',
      'Kim Hjelmgaard|writing',
      'Tom Vanden Brook|writing',
      "Jane O'Donnell|writing",
    ],
  ],
  [
    'particles, initials, suffixes and surname-first names',
    'Reporting by Rami Ayyub bin Laden, Anthony J. Deutsch, Bart H. Meijer, Toby Sterling van der Meer and Xi Wang; Writing by John Smith, Jr. and Maria de la Cruz',
    [
      'Rami Ayyub bin Laden|reporting',
      'Anthony J. Deutsch|reporting',
      'Bart H. Meijer|reporting',
      'Toby Sterling van der Meer|reporting',
      'Xi Wang|reporting',
      'John Smith, Jr.|writing',
      'Maria de la Cruz|writing',
    ],
  ],
  [
    'a newsroom given with "via"',
    '(Reporting by Sudarshan Varadhan via the Chennai newsroom; Editing by Clarence Fernandez)',
    ['Sudarshan Varadhan|reporting|Chennai newsroom', 'Clarence Fernandez|editing'],
  ],
  ['"X contributed to this report."', 'Emily Rose in Jerusalem contributed to this report.', ['Emily Rose|contributing|Jerusalem']],
  [
    'agency writers with places contribute',
    'Associated Press writers Aamer Madhani in Washington and Josef Federman in Jerusalem contributed to this report.',
    ['Aamer Madhani|contributing|Washington', 'Josef Federman|contributing|Jerusalem'],
  ],
  [
    '"Contributing to this report were …", job titles before names',
    'Contributing to this report were staff writer Jane Doe in Paris, France, and Reuters correspondent John Roe.',
    ['Jane Doe|contributing|Paris, France', 'John Roe|contributing'],
  ],
  ['"contributed reporting from"', 'Hwaida Saad contributed reporting from Beirut.', ['Hwaida Saad|contributing|Beirut']],
  [
    'AFP-style lead "By" and a body credited as a whole',
    'By Michael Perry and Angus MacSwan. Additional reporting by AFP bureaus and Reuters reporters.',
    ['Michael Perry|author', 'Angus MacSwan|author', 'AFP bureaus|additional-reporting||org', 'Reuters reporters|additional-reporting||org'],
  ],
  [
    'one person under two roles is one entry with both',
    '(Reporting and writing by Tom Lee; Reporting by Ann Wu; Editing by Tom Lee)',
    ['Tom Lee|reporting+writing+editing', 'Ann Wu|reporting'],
  ],
  [
    'NYT-style sentences',
    'Isabel Kershner reported from Jerusalem, and Patrick Kingsley from Tel Aviv. Research was contributed by Susan C. Beachy. Translation by Ala Sabra.',
    ['Isabel Kershner|reporting|Jerusalem', 'Patrick Kingsley|reporting|Tel Aviv', 'Susan C. Beachy|research', 'Ala Sabra|translation'],
  ],
  [
    'labels with colons; source notes credit no one',
    'Text: Lina Saigol. Video: Ben Blanchard. (Sources: company reports, Reuters data, LSEG)',
    ['Lina Saigol|writing', 'Ben Blanchard|video'],
  ],
];

for (const [name, text, expected] of cases) {
  test(`parses ${name}`, () => assert.deepEqual(summary(parseCredits(text)), expected));
}

test('never throws on empty, non-string or garbage input', () => {
  for (const input of [undefined, null, 42, {}, [], '', '   ', '()', ';;;', 'by', 'Reporting by', 'in in in', ', , and &']) {
    assert.doesNotThrow(() => parseCredits(input));
    assert.ok(Array.isArray(parseCredits(input)));
  }
  assert.deepEqual(parseCredits('Reporting by'), []);
  assert.deepEqual(parseCredits('(Sources: company reports)'), []);
});

test('1 MB of adversarial text returns quickly and in linear time', () => {
  // Patterns that make naive regex parsers backtrack: long name runs with no separators, endless
  // "in" chains, commas that might continue a place, unclosed brackets, role words without names.
  const pieces = ['Reporting by ', 'A ', 'in ', 'B, ', 'C. ', 'D.C., ', '(', 'and ', '& ', '/ ', 'contributed ', 'by ', 'Jr., ', ': ', 'al-', "O'"];
  let state = 11;
  let junk = '';
  while (junk.length < 1_000_000) {
    state = (state * 1664525 + 1013904223) >>> 0;
    junk += pieces[state % pieces.length];
  }
  const longName = `Reporting by ${'Xy '.repeat(330_000)}`;
  const places = `Reporting by A in ${'Paris, '.repeat(140_000)}`;
  for (const input of [junk, longName, places]) {
    const credits = parseCredits(input);
    assert.ok(Array.isArray(credits));
    for (const credit of credits) assert.equal(typeof credit.name, 'string');
  }
});

test('formatCredits writes localized sentences, synchronously in every shipped language', () => {
  const credits = parseCredits(
    '(Reporting by Nidal al-Mughrabi in Gaza and Dan Williams in Jerusalem; Writing by Michael Perry; Editing by Andrew Cawthorne and Miral Fahmy)',
  );
  assert.equal(
    formatCredits(credits, 'en'),
    'Reporting: Nidal al-Mughrabi (Gaza) and Dan Williams (Jerusalem). Writing: Michael Perry. Editing: Andrew Cawthorne and Miral Fahmy.',
  );
  assert.equal(
    formatCredits(credits, 'fr'),
    'Reportage\u202f: Nidal al-Mughrabi (Gaza) et Dan Williams (Jerusalem). Rédaction\u202f: Michael Perry. Édition\u202f: Andrew Cawthorne et Miral Fahmy.',
  );
  assert.equal(
    formatCredits(credits, 'ar-EG'),
    'تغطية: Nidal al-Mughrabi (Gaza) وDan Williams (Jerusalem). كتابة: Michael Perry. تحرير: Andrew Cawthorne وMiral Fahmy.',
  );
  assert.equal(
    formatCredits(credits, 'de'),
    'Berichterstattung: Nidal al-Mughrabi (Gaza) und Dan Williams (Jerusalem). Text: Michael Perry. Redaktion: Andrew Cawthorne und Miral Fahmy.',
  );
  assert.equal(
    formatCredits(credits, 'es-MX'),
    'Información: Nidal al-Mughrabi (Gaza) y Dan Williams (Jerusalem). Redacción: Michael Perry. Edición: Andrew Cawthorne y Miral Fahmy.',
  );
  assert.equal(formatCredits([], 'en'), '');
  assert.equal(formatCredits(null, 'en'), '');
  assert.equal(formatCredits([{ name: 'Ann', roles: ['research'] }, { bad: true } as unknown as Credit], 'xx-invalid!'), 'Research: Ann.');
});

test('"By" repeated before a name is dropped in one step, not one array copy per word', () => {
  const line = `${'By '.repeat(5000)}Ann Lee`;
  const slice = Array.prototype.slice;
  let slices = 0;
  Array.prototype.slice = function (this: unknown[], ...args: [number?, number?]) {
    slices += 1;
    return slice.apply(this, args);
  };
  let credits: Credit[];
  try {
    credits = parseCredits(line);
  } finally {
    Array.prototype.slice = slice;
  }
  assert.deepEqual(credits, [{ name: 'Ann Lee', roles: ['author'] }]);
  assert.ok(slices < 20, `${slices} array slices for one name`);
});
