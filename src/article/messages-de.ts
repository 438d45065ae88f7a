import type { Translation } from '../shared/messages.js';
import type { ArticleSource } from './messages-en.js';

const messages: Translation<ArticleSource> = {
  by: 'Von',
  updated: 'Aktualisiert am',
  readingTime: { one: 'Lesezeit: {count} Min.', other: 'Lesezeit: {count} Min.' },
  loading: 'Artikel wird geladen…',
  loadError: 'Dieser Artikel konnte nicht geladen werden.',
  retry: 'Erneut versuchen',
};

export default messages;
