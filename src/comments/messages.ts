import { defineMessages, type Messages } from '../shared/messages.js';
import { en, type CommentsSource } from './messages-en.js';

export type { CommentsSource };

export const commentsMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});

export type CommentsMessages = Messages<CommentsSource>;
