import { defineMessages, type Messages } from '../shared/messages.js';
import { en, type ArticleSource } from './messages-en.js';

export type { ArticleSource };

export const articleMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});

export type ArticleMessages = Messages<ArticleSource>;
