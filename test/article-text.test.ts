import { expect } from '@open-wc/testing';
import { parseArticleText } from '../src/article-text.js';
import { parseLooseDate } from '../src/text/dates.js';
import type { Article } from '../src/model.js';

async function load(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

const paragraphs = (article: Article): string[] => (article.body ?? []).flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));

/** The invariants every result keeps, whatever the input. */
function expectWellFormed(article: Article): void {
  expect(article.headline).to.be.a('string');
  expect(article.body).to.be.an('array');
  for (const [key, value] of Object.entries(article)) {
    if (key === 'headline') continue;
    expect(value, key).to.not.equal('');
    expect(value, key).to.not.equal(undefined);
    if (Array.isArray(value) && key !== 'body') expect(value, key).to.not.be.empty;
  }
  for (const block of article.body ?? []) {
    if ('text' in block) expect(block.text).to.not.equal('');
  }
}

/** Deterministic pseudo-random characters, so a failure can be replayed. */
function randomText(length: number, seed: number, alphabet?: string): string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const chars: string[] = [];
  for (let index = 0; index < length; index++) {
    chars.push(alphabet ? alphabet[Math.floor(next() * alphabet.length)] : String.fromCharCode(Math.floor(next() * 0x10000)));
  }
  return chars.join('');
}

const CHROME_WORDS =
  /you may also like|leave a comment|leave a reply|related articles|comments \(|©|all rights reserved|our standards|advertisement|share this article/i;

describe('parseArticleText: the seed article', () => {
  let seed: string;
  let article: Article;
  before(async () => {
    seed = await load('/demo/content/seed-article.txt');
    article = parseArticleText(seed);
  });

  it('reads the kicker, headline, by-line and metadata lines', () => {
    expect(article.kicker).to.equal('LATEST DEVELOPMENTS');
    expect(article.headline).to.equal('U.S. Secretary of State Antony Blinken Seeks Humanitarian Pauses in Gaza War Amid Escalating Violence');
    expect(article.byline).to.equal('time news');
    expect(article.alternativeHeadline).to.equal('U.S. Secretary of State Pushes for Humanitarian Pause as Conflict Escalates in Gaza');
    expect(article.datePublished).to.equal('2023-11-03');
  });

  it('gives no authors for an outlet by-line and guesses no language or dateline', () => {
    expect(article).to.not.have.property('authors');
    expect(article).to.not.have.property('language');
    expect(article).to.not.have.property('dateline');
  });

  it('keeps the nine body paragraphs, without header, credits or chrome', () => {
    const body = article.body ?? [];
    expect(body).to.have.length(9);
    expect(body.every((block) => block.type === 'paragraph')).to.equal(true);
    const texts = paragraphs(article);
    expect(texts[0]).to.equal(
      'U.S. Secretary of State Antony Blinken has arrived in Tel Aviv to meet with Israeli Prime Minister Benjamin Netanyahu amidst the escalating conflict between Israel and Hamas. Blinken’s visit comes as the death toll continues to rise, with both Palestinian and Israeli children being caught in the crossfire.',
    );
    expect(texts[8]).to.equal('Blinken is scheduled to meet with Jordan’s Foreign Minister Ayman Safadi in Amman on Saturday to discuss the ongoing conflict.');
    const all = texts.join('\n');
    expect(all).to.not.match(CHROME_WORDS);
    expect(all).to.not.match(/^(?:by time news|Title:|Date:|LATEST DEVELOPMENTS)/m);
    expect(all).to.not.include('This article includes reporting');
  });

  it('keeps typographic quotes inside paragraphs', () => {
    expect(paragraphs(article)[1]).to.include('suffering “hits me in the gut”.');
  });

  it('takes the closing credits paragraph as creditsText', () => {
    expect(article.creditsText).to.match(/^This article includes reporting from Nidal al-Mughrabi/);
    expect(article.creditsText).to.match(/Andrew Cawthorne\.$/);
  });

  it('parses the same with CRLF line endings', () => {
    expect(parseArticleText(seed.replace(/\n/g, '\r\n'))).to.deep.equal(article);
  });

  it('parses the same with paragraphs on single lines and no blank lines', () => {
    const compact = seed.replace(/\n{2,}/g, '\n');
    expect(compact).to.not.include('\n\n');
    expect(parseArticleText(compact)).to.deep.equal(article);
  });

  it('is well formed', () => {
    expectWellFormed(article);
  });
});

describe('parseArticleText: variations', () => {
  it('reads a Reuters story: by-line authors, written date with time, dateline, credits', async () => {
    const article = parseArticleText(await load('/test/fixtures/article-text/reuters.txt'));
    expect(article.kicker).to.equal(undefined);
    expect(article.headline).to.equal('Israel says troops encircle Gaza City as Blinken presses for pauses');
    expect(article.byline).to.equal('Nidal al-Mughrabi and Dan Williams');
    expect(article.authors).to.deep.equal([{ name: 'Nidal al-Mughrabi' }, { name: 'Dan Williams' }]);
    expect(article.datePublished).to.equal('2023-11-03T10:15:00');
    expect(article.dateline).to.equal('GAZA');
    expect(article.body?.every((block) => block.type === 'paragraph')).to.equal(true);
    const texts = paragraphs(article);
    expect(texts).to.have.length(4);
    expect(texts[0]).to.match(/^Israeli forces said on Friday/);
    expect(texts.join(' ')).to.not.match(CHROME_WORDS);
    expect(article.creditsText).to.equal(
      '(Reporting by Nidal al-Mughrabi in Gaza and Dan Williams in Jerusalem; Writing by Michael Perry; Editing by Andrew Cawthorne)',
    );
    expectWellFormed(article);
  });

  it('reads an AP story: ISO dates, section, tags, "contributed" credits and other chrome', async () => {
    const article = parseArticleText(await load('/test/fixtures/article-text/ap.txt'));
    expect(article.headline).to.equal('Senate passes stopgap bill to avert government shutdown');
    expect(article.datePublished).to.equal('2023-11-16T21:40:00Z');
    expect(article.dateModified).to.equal('2023-11-17T08:05:00Z');
    expect(article.section).to.equal('Politics');
    expect(article.keywords).to.deep.equal(['Congress', 'Budget', 'Shutdown']);
    expect(article.dateline).to.equal('WASHINGTON');
    expect(article.creditsText).to.equal('Associated Press writers Kevin Freking and Mary Clare Jalonick contributed to this report.');
    const texts = paragraphs(article);
    expect(texts).to.have.length(3);
    expect(texts[0]).to.match(/^The Senate passed a stopgap spending bill/);
    // A paragraph that opens with a quotation but goes on is a paragraph, not a quote block.
    expect(texts[2]).to.equal('“This is a responsible path forward,” Senate Majority Leader Chuck Schumer said before the vote.');
    expect(texts.join(' ')).to.not.match(/Related Articles|What closes|House speaker|Comments|Foo Media/);
    expectWellFormed(article);
  });

  it('reads a blog post: no kicker, quotes with attribution, subheadings, lists and comment chrome', async () => {
    const article = parseArticleText(await load('/test/fixtures/article-text/blog.txt'));
    expect(article.kicker).to.equal(undefined);
    expect(article.headline).to.equal('Breaking: City council approves new bike lanes after marathon session');
    expect(article.datePublished).to.equal('2023-11-03');
    expect(article.byline).to.equal('Jane Doe');
    expect(article.authors).to.deep.equal([{ name: 'Jane Doe' }]);
    expect(article.creditsText).to.equal(undefined);
    expect(article.body).to.deep.equal([
      {
        type: 'paragraph',
        text: 'The city council voted 7-2 on Thursday night to approve a network of protected bike lanes across the downtown core, ending months of debate.',
      },
      {
        type: 'quote',
        text: 'This is the most important safety decision this council has made in a decade.',
        cite: 'Mayor Ana Lopez',
      },
      {
        type: 'paragraph',
        text: 'Supporters filled the chamber for more than five hours of public comment, many of them wearing bright yellow vests.',
      },
      { type: 'heading', level: 2, text: 'What the plan includes' },
      {
        type: 'paragraph',
        text: 'The approved network adds 14 miles of protected lanes over three years. The first phase includes:',
      },
      {
        type: 'list',
        items: ['Main Street from 1st to 12th Avenue', 'A two-way cycle track on Harbor Drive', 'New signals at six intersections'],
      },
      { type: 'paragraph', text: 'Opponents raised three main concerns during the comment period:' },
      {
        type: 'list',
        ordered: true,
        items: ['Lost parking for small businesses', 'Delivery access on narrow streets', 'The cost of maintenance'],
      },
      {
        type: 'quote',
        text: 'Protected lanes pay for themselves in fewer crashes and lower emergency costs.',
        cite: 'City transportation report, 2022',
      },
      {
        type: 'paragraph',
        text: 'Construction on the first phase is expected to begin in the spring, pending final engineering review.',
      },
    ]);
    expectWellFormed(article);
  });

  it('handles an article with no kicker, no by-line and no date', () => {
    const article = parseArticleText(
      'Storm knocks out power to thousands\n\nHigh winds brought down trees and power lines across the region overnight, officials said.\n\nCrews expect to restore most customers by Sunday evening.',
    );
    expect(article).to.deep.equal({
      headline: 'Storm knocks out power to thousands',
      body: [
        { type: 'paragraph', text: 'High winds brought down trees and power lines across the region overnight, officials said.' },
        { type: 'paragraph', text: 'Crews expect to restore most customers by Sunday evening.' },
      ],
    });
  });

  it('takes a short all-capitals prefix as the kicker, and nothing else', () => {
    expect(parseArticleText('WATCH: Rescue teams reach village').kicker).to.equal('WATCH');
    expect(parseArticleText('Breaking: Rescue teams reach village').kicker).to.equal(undefined);
    expect(parseArticleText('Breaking: Rescue teams reach village').headline).to.equal('Breaking: Rescue teams reach village');
    const long = parseArticleText('THIS IS A VERY LONG CAPITAL PREFIX INDEED: Headline');
    expect(long.kicker).to.equal(undefined);
    expect(long.headline).to.equal('THIS IS A VERY LONG CAPITAL PREFIX INDEED: Headline');
  });

  it('reads dates written as "3 November 2023" and "Nov. 3, 2023 10:15 AM"', () => {
    expect(parseArticleText('Headline\n\nDate: 3 November 2023\n\nBody text.').datePublished).to.equal('2023-11-03');
    expect(parseArticleText('Headline\n\nPublished: Nov. 3, 2023 10:15 AM\n\nBody.').datePublished).to.equal('2023-11-03T10:15:00');
    expect(parseArticleText('Headline\nUPDATED: Friday, November 3, 2023\nBody.').dateModified).to.equal('2023-11-03');
  });

  it('reads several metadata items on one line and a language line', () => {
    const article = parseArticleText(
      'Headline\nBy Jane Doe | November 3, 2023\nSource: Reuters\nCategory: World\nLanguage: en-GB\n\nFirst paragraph of the story.',
    );
    expect(article.byline).to.equal('Jane Doe');
    expect(article.datePublished).to.equal('2023-11-03');
    expect(article.publisher).to.deep.equal({ name: 'Reuters' });
    expect(article.section).to.equal('World');
    expect(article.language).to.equal('en-GB');
    expect(paragraphs(article)).to.deep.equal(['First paragraph of the story.']);
  });

  it('names people in a by-line but not outlets or roles', () => {
    const people = parseArticleText('Headline\n\nBy Jane Doe and John Roe\n\nText.');
    expect(people.byline).to.equal('Jane Doe and John Roe');
    expect(people.authors).to.deep.equal([{ name: 'Jane Doe' }, { name: 'John Roe' }]);
    const withOutlet = parseArticleText('Headline\n\nBy Jane Doe, Associated Press\n\nText.');
    expect(withOutlet.authors).to.deep.equal([{ name: 'Jane Doe' }]);
    const staff = parseArticleText('Headline\n\nBy Staff Writer\n\nText.');
    expect(staff.byline).to.equal('Staff Writer');
    expect(staff).to.not.have.property('authors');
  });

  it('does not swallow prose that looks like a "Key: value" line', () => {
    const article = parseArticleText(
      'Headline\n\nSource: officials said the plan would be announced next week, according to a memo seen by reporters.\n\nNote: this is prose too.',
    );
    expect(article).to.not.have.property('publisher');
    expect(paragraphs(article)).to.deep.equal([
      'Source: officials said the plan would be announced next week, according to a memo seen by reporters.',
      'Note: this is prose too.',
    ]);
  });

  it('reads "LONDON (AP) —" and "WASHINGTON —" datelines, and leaves ordinary sentences alone', () => {
    const ap = parseArticleText('Headline\n\nLONDON (AP) — Britain’s economy grew slightly in the third quarter.');
    expect(ap.dateline).to.equal('LONDON');
    expect(paragraphs(ap)[0]).to.equal('Britain’s economy grew slightly in the third quarter.');
    const dash = parseArticleText('Headline\n\nWASHINGTON — The Senate voted on Thursday to pass the bill.');
    expect(dash.dateline).to.equal('WASHINGTON');
    expect(paragraphs(dash)[0]).to.equal('The Senate voted on Thursday to pass the bill.');
    for (const text of [
      'NATO allies met on Friday to discuss the war.',
      'The Senate — the upper chamber — voted on Thursday.',
      'NATO — the alliance of 31 countries — met on Friday.',
    ]) {
      const article = parseArticleText(`Headline\n\n${text}`);
      expect(article.dateline, text).to.equal(undefined);
      expect(paragraphs(article)[0]).to.equal(text);
    }
  });

  it('joins two trailing credits paragraphs and keeps an earlier "reporting by" sentence', () => {
    const article = parseArticleText(
      'Headline\n\nReporting by the newspaper last year first revealed the scheme to the public.\n\nThe minister resigned on Friday after weeks of pressure from his party.\n\nReporting by Jane Doe in Paris.\n\nEditing by John Roe.',
    );
    expect(article.creditsText).to.equal('Reporting by Jane Doe in Paris. Editing by John Roe.');
    expect(paragraphs(article)).to.have.length(2);
    expect(paragraphs(article)[0]).to.match(/^Reporting by the newspaper/);
  });

  it('recognises "X contributed to this report" and "Contributing to this report were" credits', () => {
    expect(
      parseArticleText('Headline\n\nThe main paragraph of the story, with enough words here.\n\nJane Doe contributed to this report.').creditsText,
    ).to.equal('Jane Doe contributed to this report.');
    expect(
      parseArticleText('Headline\n\nThe main paragraph of the story, with enough words here.\n\nContributing to this report were A and B.').creditsText,
    ).to.equal('Contributing to this report were A and B.');
  });

  it('keeps a paragraph with two separate quotations as a paragraph', () => {
    const text = '“We are ready,” she said. “We have always been ready.”';
    expect(parseArticleText(`Headline\n\n${text}`).body).to.deep.equal([{ type: 'paragraph', text }]);
  });

  it('keeps a headline that starts with "By"', () => {
    const article = parseArticleText('By the numbers: how the budget breaks down\n\nBy Jane Doe\n\nText.');
    expect(article.headline).to.equal('By the numbers: how the budget breaks down');
    expect(article.byline).to.equal('Jane Doe');
  });

  it('takes a quote attributed on the next paragraph, and markdown quotes', () => {
    const article = parseArticleText(
      'Headline\n\nThe talks resumed on Friday in a neutral capital, diplomats said.\n\n"We will not stop until the hostages are home."\n\n- Jane Doe, Spokeswoman\n\n> A quoted line\n> that goes on.\n\nThe talks are expected to continue into next week, officials said.',
    );
    expect(article.body?.[1]).to.deep.equal({
      type: 'quote',
      text: 'We will not stop until the hostages are home.',
      cite: 'Jane Doe, Spokeswoman',
    });
    expect(article.body?.[2]).to.deep.equal({ type: 'quote', text: 'A quoted line that goes on.' });
    expect(article.body).to.have.length(4);
  });

  it('keeps a lone bullet line and a one-word "Comments" subheading in the middle as text', () => {
    const article = parseArticleText(
      'Headline\n\nThe first paragraph explains what happened on Friday in the city.\n\n- a lone dash line\n\nComments\n\nComments from the minister drew sharp criticism from opposition lawmakers on Friday.\n\nThe final paragraph closes the story with one more full sentence.',
    );
    expect(article.body).to.deep.equal([
      { type: 'paragraph', text: 'The first paragraph explains what happened on Friday in the city.' },
      { type: 'paragraph', text: '- a lone dash line' },
      { type: 'heading', level: 2, text: 'Comments' },
      { type: 'paragraph', text: 'Comments from the minister drew sharp criticism from opposition lawmakers on Friday.' },
      { type: 'paragraph', text: 'The final paragraph closes the story with one more full sentence.' },
    ]);
  });

  it('does not make headings of short lines that end in punctuation or are lower case', () => {
    const article = parseArticleText(
      'Headline\n\nThe first paragraph explains what happened on Friday in the city.\n\nThen it rained.\n\nthe next part\n\nThe second paragraph goes on with another sentence or two about it.',
    );
    expect(article.body?.every((block) => block.type === 'paragraph')).to.equal(true);
  });

  it('drops advertisements mid-body and trailing chrome: share, newsletter, tags, copyright', () => {
    const article = parseArticleText(
      [
        'Headline',
        'The first paragraph of the article has enough words to count as prose.',
        'ADVERTISEMENT',
        'The second paragraph of the article also has enough words to count.',
        'Share:',
        'Subscribe to our newsletter',
        'Tags: Energy, Climate',
        'Copyright © 2023 Example News',
      ].join('\n\n'),
    );
    expect(article.body).to.deep.equal([
      { type: 'paragraph', text: 'The first paragraph of the article has enough words to count as prose.' },
      { type: 'paragraph', text: 'The second paragraph of the article also has enough words to count.' },
    ]);
    expect(article.keywords).to.deep.equal(['Energy', 'Climate']);
  });

  it('ends the article at "You may also like" even when teaser excerpts follow', () => {
    const article = parseArticleText(
      'Headline\n\nThe only paragraph of the article, which has a full sentence in it.\n\nYou may also like\n\nAnother story title\n\nAn excerpt from that other story which is also a full sentence of prose.\n\nLeave a Comment',
    );
    expect(paragraphs(article)).to.deep.equal(['The only paragraph of the article, which has a full sentence in it.']);
  });

  it('uses the Title line as the headline when the first line is not a headline', () => {
    const long = 'word '.repeat(80).trim() + '.';
    const article = parseArticleText(`Title: The real headline\nDate: 2023-11-03\n\n${long}`);
    expect(article.headline).to.equal('The real headline');
    expect(article).to.not.have.property('alternativeHeadline');
    expect(paragraphs(article)).to.deep.equal([long]);
  });
});

describe('parseArticleText: garbage input', () => {
  it('returns an empty article for non-strings', () => {
    for (const input of [null, undefined, 42, {}, [], true, () => 'x']) {
      expect(parseArticleText(input as unknown as string)).to.deep.equal({ headline: '', body: [] });
    }
  });

  it('returns an empty article for empty and blank text', () => {
    for (const input of ['', '   ', '\n\n\t\n', '\r\n\r\n']) {
      expect(parseArticleText(input)).to.deep.equal({ headline: '', body: [] });
    }
  });

  it('returns an empty article for text that is only chrome', () => {
    expect(parseArticleText('You may also like\n\nLeave a Comment\n\n© 2024 Foo')).to.deep.equal({ headline: '', body: [] });
  });

  it('returns just the headline for a headline alone', () => {
    expect(parseArticleText('  Just a headline  \n')).to.deep.equal({ headline: 'Just a headline', body: [] });
  });

  it('survives binary junk', () => {
    const junk = randomText(20_000, 1, '\u0000\u0001\u0007\u001b\ufffd\ud800\n\r\t ab:“”>-');
    expectWellFormed(parseArticleText(junk));
  });

  it('survives 1 MB of random characters', () => {
    expectWellFormed(parseArticleText(randomText(1_000_000, 2)));
  });

  it('survives 1 MB of adversarial punctuation and capitals', () => {
    const article = parseArticleText(randomText(1_000_000, 3, 'AB c:,.\n\n-—“”"()>#*1 '));
    expectWellFormed(article);
    expect(article.body?.length).to.be.greaterThan(0);
  });

  it('survives a single 1 MB line, keeping it as one paragraph', () => {
    const line = 'GAZA '.repeat(200_000);
    const article = parseArticleText(line);
    expect(article.headline).to.equal('');
    expect(article.body).to.have.length(1);
  });

  it('survives 100,000 blank lines', () => {
    expect(parseArticleText(`Headline${'\n'.repeat(100_000)}Text.`)).to.deep.equal({
      headline: 'Headline',
      body: [{ type: 'paragraph', text: 'Text.' }],
    });
  });
});

describe('parseLooseDate', () => {
  const valid: [string, string][] = [
    ['November 3, 2023', '2023-11-03'],
    ['Nov. 3, 2023', '2023-11-03'],
    ['Nov 3 2023', '2023-11-03'],
    ['3 November 2023', '2023-11-03'],
    ['3rd of November, 2023', '2023-11-03'],
    ['Sept. 12, 2023', '2023-09-12'],
    ['2023-11-03', '2023-11-03'],
    ['2023/11/03', '2023-11-03'],
    ['2023-11-03T09:15:00Z', '2023-11-03T09:15:00Z'],
    ['2023-11-03T09:15:00.250+02:00', '2023-11-03T09:15:00+02:00'],
    ['2023-11-03 09:15 +0530', '2023-11-03T09:15:00+05:30'],
    ['Friday, November 3, 2023', '2023-11-03'],
    ['Fri, 3 Nov 2023 09:15:00 GMT', '2023-11-03T09:15:00Z'],
    ['November 3, 2023 10:15 AM', '2023-11-03T10:15:00'],
    ['November 3, 2023 at 10:15 a.m.', '2023-11-03T10:15:00'],
    ['Nov. 3, 2023, 12:05 p.m. EST', '2023-11-03T12:05:00-05:00'],
    ['Nov. 3, 2023 12:30 AM ET', '2023-11-03T00:30:00'],
    ['November 3, 2023 - 18:45', '2023-11-03T18:45:00'],
    ['  February 29,   2024 ', '2024-02-29'],
    ['13/11/2023', '2023-11-13'],
    ['11/13/2023', '2023-11-13'],
    ['03.03.2023', '2023-03-03'],
  ];
  for (const [input, expected] of valid) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parseLooseDate(input)).to.equal(expected);
    });
  }

  const invalid = [
    'soon',
    '',
    'February 30, 2023',
    'February 29, 2023',
    '13/45/2023',
    '03/11/2023',
    '3/11/23',
    'November 3',
    'November 2023',
    'Smarch 3, 2023',
    'Noday, November 3, 2023',
    'November 3, 20234',
    'November 3, 2023 25:00',
    'November 3, 2023 13:00 PM',
    'November 3, 2023 10',
    '2023-11-03T09:61',
    '2023-11-03T09:15+15:00',
    `November 3, 2023 ${'x'.repeat(200)}`,
  ];
  for (const input of invalid) {
    it(`rejects ${JSON.stringify(input.slice(0, 40))}`, () => {
      expect(parseLooseDate(input)).to.equal(undefined);
    });
  }

  it('rejects non-strings without throwing', () => {
    expect(parseLooseDate(null as unknown as string)).to.equal(undefined);
    expect(parseLooseDate(20231103 as unknown as string)).to.equal(undefined);
  });
});
