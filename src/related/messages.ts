import { defineMessages, type Messages } from '../shared/messages.js';

const en = {
  heading: 'You may also like',
  loading: 'Loading stories…',
  loadError: 'These stories could not be loaded.',
  retry: 'Try again',
  /** The carousel's buttons. */
  previous: 'Previous stories',
  next: 'Next stories',
} as const;

export type RelatedSource = typeof en;

export const relatedMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});

export type RelatedMessages = Messages<RelatedSource>;
