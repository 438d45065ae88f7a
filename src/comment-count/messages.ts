import { defineMessages, type Messages } from '../shared/messages.js';
import { en, type CommentCountSource } from './messages-en.js';

export const commentCountMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});

export type CommentCountMessages = Messages<CommentCountSource>;
