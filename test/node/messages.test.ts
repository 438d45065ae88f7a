import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleMessages } from '../../src/article/messages.js';
import { bylineMessages } from '../../src/byline/messages.js';
import { commentCountMessages } from '../../src/comment-count/messages.js';
import { commentsMessages } from '../../src/comments/messages.js';
import { creditMessages } from '../../src/credits/messages.js';
import { moderationMessages } from '../../src/moderation/messages.js';
import { relatedMessages } from '../../src/related/messages.js';
import { defineMessages, type Message, type MessageSource } from '../../src/shared/messages.js';
import { creditRoles } from '../../src/shared/validate.js';

/** What the checks read of a catalog: English and the loaders. */
const catalogs: Record<string, { en: MessageSource; languages: Readonly<Record<string, () => Promise<{ default: MessageSource }>>> }> = {
  article: articleMessages,
  byline: bylineMessages,
  comments: commentsMessages,
  'comment-count': commentCountMessages,
  credits: creditMessages,
  moderation: moderationMessages,
  related: relatedMessages,
};

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)))].sort();
};
const categories = (language: string) => [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();

test('every element offers the same languages, each in a file of its own', () => {
  const languages = new Set(Object.values(catalogs).flatMap((catalog) => Object.keys(catalog.languages)));
  assert.deepEqual([...languages].sort(), ['ar', 'de', 'es', 'fr']);
  for (const [name, catalog] of Object.entries(catalogs)) assert.deepEqual(Object.keys(catalog.languages).sort(), [...languages].sort(), name);
});

test('English plural messages have the forms English needs', () => {
  for (const [name, catalog] of Object.entries(catalogs)) {
    for (const [key, message] of Object.entries(catalog.en)) {
      if (typeof message !== 'string') assert.deepEqual(Object.keys(message).sort(), categories('en'), `${name}.${key}`);
    }
  }
});

test('every key exists in every language, with the same placeholders and every plural form the language has', async () => {
  for (const [name, catalog] of Object.entries(catalogs)) {
    for (const [language, load] of Object.entries(catalog.languages)) {
      const translation = (await load()).default;
      const where = `${name} in ${language}`;
      assert.deepEqual(Object.keys(translation).sort(), Object.keys(catalog.en).sort(), where);
      for (const [key, english] of Object.entries(catalog.en)) {
        const message = translation[key]!;
        assert.equal(typeof message, typeof english, `${where}: ${key} is text in one and plural forms in the other`);
        assert.deepEqual(placeholders(message), placeholders(english), `${where}: ${key}'s placeholders`);
        if (typeof message !== 'string') assert.deepEqual(Object.keys(message).sort(), categories(language), `${where}: ${key}'s plural forms`);
        for (const text of typeof message === 'string' ? [message] : Object.values(message)) assert.ok(text.trim(), `${where}: ${key} is empty`);
      }
    }
  }
});

test('credit labels are keyed by role, so reordering roles cannot shift them', () => {
  for (const role of creditRoles) assert.equal(typeof creditMessages.en[role], 'string', role);
});

test('Arabic counts take each of their six plural forms, in the thread and in <lede-comment-count>', async () => {
  const digits = (count: number) => new Intl.NumberFormat('ar').format(count);
  for (const catalog of [commentsMessages, commentCountMessages]) {
    const messages = await catalog.load('ar');
    const counts = [0, 1, 2, 3, 11, 100].map((count) => messages.count({ count }));
    assert.deepEqual(counts, ['لا تعليقات', 'تعليق واحد', 'تعليقان', `${digits(3)} تعليقات`, `${digits(11)} تعليقًا`, `${digits(100)} تعليق`]);
  }
});

test('a catalog: English at once, a language once loaded, placeholders filled, numbers in the locale', async () => {
  const catalog = defineMessages({ hello: 'Hello {name}', bye: 'Bye', items: { one: '{count} item', other: '{count} items' } } as const, {
    fr: async () => ({
      default: { hello: 'Bonjour {name}', bye: 'Au revoir', items: { one: '{count} article', many: '{count} d’articles', other: '{count} articles' } },
    }),
    de: () => Promise.reject(new Error('offline')),
  });
  const english = catalog.get('en-GB')!;
  assert.equal(english.hello({ name: 'Ann' }), 'Hello Ann');
  assert.equal(english.items({ count: 1 }), '1 item');
  assert.equal(english.items({ count: 1500 }), '1,500 items');
  // A language with no translation: English words, its own digits.
  assert.equal(catalog.get('it')!.items({ count: 15000 }), '15.000 items');
  assert.equal(catalog.get('fr-CA'), undefined);
  const french = await catalog.load('fr-CA');
  assert.equal(catalog.get('fr-CA'), french);
  assert.equal(french.bye, 'Au revoir');
  assert.equal(french.items({ count: 1 }), '1 article');
  assert.equal(french.items({ count: 2 }), '2 articles');
  // A language that fails to load falls back to English.
  assert.equal((await catalog.load('de')).bye, 'Bye');
});
