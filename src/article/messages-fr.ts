import type { Translation } from '../shared/messages.js';
import type { ArticleSource } from './messages-en.js';

const messages: Translation<ArticleSource> = {
  by: 'Par',
  updated: 'Mis à jour le',
  readingTime: { one: 'Lecture : {count} min', many: 'Lecture : {count} min', other: 'Lecture : {count} min' },
  loading: 'Chargement de l’article…',
  loadError: 'Impossible de charger cet article.',
  retry: 'Réessayer',
};

export default messages;
