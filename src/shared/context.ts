import { createContext } from '@lit/context';
import type { Article } from '../model.js';

/**
 * The article an element sits in. `<lede-article>` provides it; `<lede-byline>`, `<lede-related>`
 * and `<lede-comments>` inside it read their defaults from it without any wiring.
 */
export const articleContext = createContext<Article | undefined>(Symbol.for('lede.article'));

/** What an element inside `<lede-article>` may ask of it. */
export interface ArticleHost {
  /** The people an inner `<lede-byline>` credits changed: the article's JSON-LD lists them. */
  contributorsChanged(): void;
}

/** `<lede-article>` provides itself as an `ArticleHost`: children reach it through context, never by looking it up. */
export const articleHostContext = createContext<ArticleHost | undefined>(Symbol.for('lede.article-host'));
