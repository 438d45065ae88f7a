import { defineMessages } from '../shared/messages.js';
import { en, type ModerationSource } from './messages-en.js';

export type { ModerationSource };

export const moderationMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});
