/**
 * Credit role labels, keyed by role, for `<lede-byline>`: the page's language loads when needed
 * (`formatCredits` bundles them all instead).
 * @module
 */
import { defineMessages } from '../shared/messages.js';
import { en, type CreditSource } from './messages-en.js';

export type { CreditSource };

export const creditMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});
