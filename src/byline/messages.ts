import { defineMessages } from '../shared/messages.js';
import { en, type BylineSource } from './messages-en.js';

export type { BylineSource };

export const bylineMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});
