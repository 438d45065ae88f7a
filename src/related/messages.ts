import { defineMessages, type Messages } from '../shared/messages.js';
import { en, type RelatedSource } from './messages-en.js';

export type { RelatedSource };

export const relatedMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});

export type RelatedMessages = Messages<RelatedSource>;
