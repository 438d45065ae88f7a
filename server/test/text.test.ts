import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from '../src/cursor.js';
import { bannedWordMatcher, containsLink, formHoldReason } from '../src/spam.js';
import { LIMITS } from 'lede-protocol';
import { characters, checkLength, cleanBody, cleanName, hasVisibleCharacter } from '../src/text.js';

describe('text cleaning', () => {
  it('keeps the text as written apart from controls, bidi overrides and line endings', () => {
    assert.equal(cleanBody('<script>alert(1)</script>'), '<script>alert(1)</script>');
    assert.equal(cleanBody('a\r\nb\rc\u0000\u001b[31m'), 'a\nb\nc[31m');
    assert.equal(cleanBody('evil\u202egnp.exe'), 'evilgnp.exe');
    assert.equal(cleanName('\tJane\n  Doe '), 'Jane Doe');
    assert.equal(cleanName('Zoe\u0308'), 'Zoë');
    assert.equal(characters('👍🏽a'), 3);
  });

  it('counts lone surrogates as the one U+FFFD each that is stored', () => {
    const name = cleanName('\uD800'.repeat(80));
    assert.equal(name, '\uFFFD'.repeat(80));
    assert.equal(checkLength('author.name', name, LIMITS.name), name);
    assert.equal(Buffer.from(name, 'utf8').toString('utf8'), name, 'it survives UTF-8 unchanged');
    assert.equal(cleanBody('a\uDC00b'), 'a\uFFFDb');
  });

  it('requires a visible character, and drops zero-width padding from names', () => {
    const invisible = ['\u200B', '\u200C\u200D', '\u2060', '\u3164', '\u115F', '\u2800', '\u{E0041}\u{E0042}', '\u0301\u0308', '\u00AD', '\uFE0F', '\u3000'];
    for (const text of invisible) {
      assert.equal(hasVisibleCharacter(text), false, escape(text));
      assert.throws(() => checkLength('author.name', cleanName(text), LIMITS.name), /author\.name|Name/, escape(text));
    }
    for (const text of ['Ann', 'é', '\uFFFD', '👩\u200D💻', '\u0627\u200C\u0628', '中']) assert.equal(hasVisibleCharacter(text), true, escape(text));
    assert.equal(cleanName('Admin\u200B'), 'Admin');
    assert.equal(cleanName('\uFEFFAd\u00ADmin\u2060'), 'Admin');
    assert.equal(cleanName('👩\u200D💻 Dev'), '👩\u200D💻 Dev', 'joiners stay: emoji and scripts need them');
  });
});

describe('spam signals', () => {
  it('spots links', () => {
    for (const text of ['see https://x.io', 'www.example.org', 'buy at pills.shop now', 'go to example.de/path']) {
      assert.ok(containsLink(text), text);
    }
    for (const text of ['e.g. this', 'at 3.45pm', 'Mr. Smith', 'version 1.2.3']) assert.ok(!containsLink(text), text);
  });

  it('matches banned words whole, in any case and compatibility form', () => {
    const banned = bannedWordMatcher(['casino', 'free money']);
    assert.ok(banned('Best CASINO!'));
    assert.ok(banned('ｆｒｅｅ money here'));
    assert.ok(!banned('casinos'));
    assert.ok(!bannedWordMatcher([])('anything'));
  });

  it('reads the form signals', () => {
    const now = 1_000_000;
    assert.equal(formHoldReason({ startedAt: now - 5000 }, 3000, now), null);
    assert.equal(formHoldReason({ startedAt: now - 5000, website: 'x' }, 3000, now), 'honeypot');
    assert.equal(formHoldReason({}, 3000, now), 'no-timing');
    assert.equal(formHoldReason({ startedAt: now + 120_000 }, 3000, now), 'no-timing');
    assert.throws(() => formHoldReason({ startedAt: now - 1000 }, 3000, now), /wait 2 seconds/);
    assert.equal(formHoldReason({}, 0, now), null);
  });
});

describe('cursors', () => {
  it('round-trips and refuses other orders', () => {
    const cursor = encodeCursor({ order: 'top', createdAt: 5, id: 'abc', score: -2 });
    assert.deepEqual(decodeCursor(cursor, 'top'), { order: 'top', createdAt: 5, id: 'abc', score: -2 });
    assert.throws(() => decodeCursor(cursor, 'newest'), /not valid/);
  });
});
