import { defineMessages, type Messages } from '../shared/messages.js';

const en = {
  /** The word before the author names. */
  by: 'By',
  updated: 'Updated',
  readingTime: { one: '{count} min read', other: '{count} min read' },
  loading: 'Loading article…',
  loadError: 'This article could not be loaded.',
  retry: 'Try again',
} as const;

export type ArticleSource = typeof en;

export const articleMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});

export type ArticleMessages = Messages<ArticleSource>;
