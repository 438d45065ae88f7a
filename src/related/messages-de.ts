import type { Translation } from '../shared/messages.js';
import type { RelatedSource } from './messages-en.js';

const messages: Translation<RelatedSource> = {
  heading: 'Das könnte Sie auch interessieren',
  loading: 'Artikel werden geladen…',
  loadError: 'Diese Artikel konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  previous: 'Vorherige Artikel',
  next: 'Nächste Artikel',
};

export default messages;
