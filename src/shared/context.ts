import { createContext } from '@lit/context';
import type { Article } from '../model.js';

/**
 * The article an element sits in. `<lede-article>` provides it; `<lede-byline>`, `<lede-related>`
 * and `<lede-comments>` inside it read their defaults from it without any wiring.
 */
export const articleContext = createContext<Article | undefined>(Symbol.for('lede.article'));
