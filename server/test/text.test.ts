import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from '../src/cursor.js';
import { bannedWordMatcher, containsLink, formHoldReason } from '../src/spam.js';
import { characters, cleanBody, cleanName } from '../src/text.js';

describe('text cleaning', () => {
  it('keeps the text as written apart from controls, bidi overrides and line endings', () => {
    assert.equal(cleanBody('<script>alert(1)</script>'), '<script>alert(1)</script>');
    assert.equal(cleanBody('a\r\nb\rc\u0000\u001b[31m'), 'a\nb\nc[31m');
    assert.equal(cleanBody('evil\u202egnp.exe'), 'evilgnp.exe');
    assert.equal(cleanName('\tJane\n  Doe '), 'Jane Doe');
    assert.equal(cleanName('Zoe\u0308'), 'Zoë');
    assert.equal(characters('👍🏽a'), 3);
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
