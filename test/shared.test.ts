import { expect } from '@open-wc/testing';
import { countWords, formatDate, formatList, formatRelativeTime, parseIsoDate, readingMinutes } from '../src/shared/format.js';
import { resolveLocale } from '../src/shared/locale-controller.js';
import { defineMessages } from '../src/shared/messages.js';
import { safeUrl } from '../src/shared/url.js';
import { toLedeError } from '../src/shared/errors.js';
import { fetchBytes } from '../src/shared/fetch.js';

describe('format', () => {
  it('keeps bare dates on their calendar day in any time zone', () => {
    expect(formatDate('2023-11-03', 'en-US')).to.equal('November 3, 2023');
    expect(formatDate('2023-11-03', 'fr')).to.equal('3 novembre 2023');
    expect(parseIsoDate('2023-11-03')!.dateOnly).to.equal(true);
  });

  it('formats date-times with a time and rejects what is not ISO 8601', () => {
    expect(formatDate('2023-11-03T10:15:00Z', 'en-US')).to.match(/^November 3, 2023 at \d{1,2}:15\s?[AP]M$/);
    for (const bad of ['yesterday', '2023-02-30', '11/03/2023', 'Nov 3, 2023', '', 42, null]) {
      expect(formatDate(bad, 'en'), String(bad)).to.equal(undefined);
    }
  });

  it('writes relative times in the locale', () => {
    const now = Date.parse('2023-11-03T12:00:00Z');
    expect(formatRelativeTime('2023-11-03T09:00:00Z', 'en', now)).to.equal('3 hours ago');
    expect(formatRelativeTime('2023-11-02T12:00:00Z', 'en', now)).to.equal('yesterday');
    expect(formatRelativeTime('2023-11-03T11:59:30Z', 'fr', now)).to.equal('il y a 30 secondes');
    expect(formatRelativeTime('not a date', 'en', now)).to.equal(undefined);
  });

  it('joins lists in the locale', () => {
    expect(formatList(['A', 'B', 'C'], 'en')).to.equal('A, B, and C');
    expect(formatList(['A', 'B'], 'ar')).to.equal('A وB');
  });

  it('counts words in scripts without spaces and rounds reading time', () => {
    expect(countWords('one two, three!', 'en')).to.equal(3);
    expect(countWords('  one — two\n\nthree ', 'en')).to.equal(3);
    expect(countWords('我们今天去北京', 'zh')).to.be.greaterThan(1);
    expect(readingMinutes('', 'en')).to.equal(0);
    expect(readingMinutes('word', 'en')).to.equal(1);
    expect(readingMinutes(Array(1150).fill('word').join(' '), 'en')).to.equal(5);
  });
});

describe('locale', () => {
  it('follows the nearest lang across shadow roots', () => {
    const outer = document.createElement('div');
    outer.lang = 'ar-EG';
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    outer.append(host);
    document.body.append(outer);
    try {
      expect(resolveLocale(inner)).to.equal('ar-EG');
      outer.lang = 'not a locale!';
      expect(resolveLocale(inner)).to.equal('en');
    } finally {
      outer.remove();
    }
  });

  it('picks messages by language, loaded on demand, with English as the fallback', async () => {
    const catalog = defineMessages({ hello: 'Hello', bye: 'Bye' } as const, { ar: async () => ({ default: { hello: 'مرحبا', bye: 'مع السلامة' } }) });
    expect(catalog.get('ar-EG')).to.equal(undefined);
    expect({ ...(await catalog.load('ar-EG')) }).to.deep.equal({ hello: 'مرحبا', bye: 'مع السلامة' });
    expect({ ...catalog.get('xx') }).to.deep.equal({ hello: 'Hello', bye: 'Bye' });
  });
});

describe('safeUrl', () => {
  it('allows http(s) and relative URLs only', () => {
    expect(safeUrl('https://news.example/a')).to.equal('https://news.example/a');
    expect(safeUrl('/path')).to.equal(new URL('/path', document.baseURI).href);
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'http://[bad', '', 7]) {
      expect(safeUrl(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('toLedeError', () => {
  it('classifies what it wraps', () => {
    expect(toLedeError(new SyntaxError('bad')).code).to.equal('invalid-json');
    expect(toLedeError(new DOMException('t', 'TimeoutError')).code).to.equal('timeout');
    expect(toLedeError(new TypeError('Failed to fetch')).code).to.equal('network');
    expect(toLedeError('odd', 'invalid-data').message).to.equal('odd');
  });
});

describe('fetchBytes', () => {
  it('times out a hanging request however much garbage the page makes meanwhile', async function () {
    this.timeout(20000);
    const outcome = fetchBytes('/test-api/hang', { signal: new AbortController().signal, timeout: 300, accept: '*/*', retries: 0 }).then(
      () => 'answered',
      (error: unknown) => toLedeError(error).code,
    );
    // Garbage, so the collector runs while the request waits: WebKit collected a timeout signal
    // that only AbortSignal.any held, and the request hung for good.
    let made = 0;
    for (let round = 0; round < 40; round += 1) {
      made += Array.from({ length: 200_000 }, (_, index) => ({ index })).length;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(made).to.equal(8_000_000);
    expect(await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5000))])).to.equal('timeout');
  });
});
