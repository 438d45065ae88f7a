import { canonicalLocale, formatNumber, pluralCategory } from './format.js';

/** A message's forms by the `Intl.PluralRules` category of its `{count}`; `other` is required. */
export type PluralForms = { readonly [category in Intl.LDMLPluralRule]?: string } & { readonly other: string };
/** A message: text with `{name}` placeholders, or plural forms. */
export type Message = string | PluralForms;
export type MessageSource = Readonly<Record<string, Message>>;

type Names<Text> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Names<Rest> : never;
type Values<Text> = { readonly [Name in Names<Text>]: string | number };
type Compiled<M> = M extends string
  ? [Names<M>] extends [never]
    ? string
    : (values: Values<M>) => string
  : (values: Values<M[keyof M]> & { readonly count: number }) => string;

/** What a call site reads: `messages.key` for plain text, `messages.key({ name, count })` for the rest. */
export type Messages<T extends MessageSource> = { readonly [K in keyof T]: Compiled<T[K]> };

/** Another language: every English key, text for text and forms for forms, with the same placeholders (test/node/messages.test.ts checks them). */
export type Translation<T extends MessageSource> = { readonly [K in keyof T]: T[K] extends string ? string : PluralForms };

type Loader<T extends MessageSource> = () => Promise<{ default: Translation<T> }>;

/** One element's messages: English, bundled and the fallback, and each other language's loader. */
export interface Catalog<T extends MessageSource> {
  readonly en: T;
  readonly languages: Readonly<Record<string, Loader<T>>>;
  /** The messages for a locale, or undefined while its language has not loaded (see `load`). */
  get(locale: string): Messages<T> | undefined;
  /** Loads the locale's language once; a language that fails to load falls back to English. */
  load(locale: string): Promise<Messages<T>>;
}

/** Numbers in the locale's digits; other values as given. */
function fill(text: string, values: Readonly<Record<string, string | number>>, locale: string): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    return typeof value === 'number' ? formatNumber(value, locale) : String(value);
  });
}

function compile(source: MessageSource, locale: string): Record<string, unknown> {
  const compiled: Record<string, unknown> = {};
  for (const [key, message] of Object.entries(source)) {
    compiled[key] =
      typeof message !== 'string'
        ? (values: { count: number }) => fill(message[pluralCategory(values.count, locale)] ?? message.other, values, locale)
        : /\{\w+\}/.test(message)
          ? (values: Record<string, string | number>) => fill(message, values, locale)
          : message;
  }
  return compiled;
}

/** English with a translation over it (or none), compiled for a locale: for code that has every language at hand (`formatCredits`). */
export function compileMessages<T extends MessageSource>(en: T, translation: Translation<T> | null | undefined, locale: string): Messages<T> {
  return compile({ ...en, ...translation }, locale) as Messages<T>;
}

/**
 * Declares an element's messages. Adding a language is a `messages-xx.ts` beside each element's
 * `messages.ts` and its line in `languages`; each loads as its own small chunk, only on pages in it.
 */
export function defineMessages<const T extends MessageSource>(en: T, languages: Catalog<T>['languages']): Catalog<T> {
  /** Loaded translations by language; `null` when a language failed to load. */
  const loaded = new Map<string, Translation<T> | null>();
  const loading = new Map<string, Promise<unknown>>();
  /** Compiled once per locale: every render asks. */
  const compiled = new Map<string, Messages<T>>();
  const languageOf = (locale: string) => canonicalLocale(locale).split('-')[0]!;

  const get = (locale: string): Messages<T> | undefined => {
    const tag = canonicalLocale(locale);
    let messages = compiled.get(tag);
    if (!messages) {
      const language = languageOf(tag);
      const translation = loaded.get(language);
      if (translation === undefined && languages[language]) return undefined;
      messages = compileMessages(en, translation, tag);
      compiled.set(tag, messages);
    }
    return messages;
  };

  const load = async (locale: string): Promise<Messages<T>> => {
    const language = languageOf(locale);
    const loader = languages[language];
    if (loader && !loading.has(language)) {
      loading.set(
        language,
        loader().then(
          (module) => loaded.set(language, module.default),
          () => loaded.set(language, null),
        ),
      );
    }
    await loading.get(language);
    return get(locale)!;
  };

  return { en, languages, get, load };
}
