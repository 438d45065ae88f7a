import { defineMessages } from '../shared/messages.js';

const en = {
  /** The disclosure button that shows every credit by role. */
  credits: 'Full credits',
  invalid: 'Some credits could not be read.',
} as const;

export type BylineSource = typeof en;

export const bylineMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});
