import type { Translation } from '../shared/messages.js';
import type { RelatedSource } from './messages-en.js';

const messages: Translation<RelatedSource> = {
  heading: 'Vous aimerez aussi',
  loading: 'Chargement des articles…',
  loadError: 'Impossible de charger ces articles.',
  retry: 'Réessayer',
  previous: 'Articles précédents',
  next: 'Articles suivants',
};

export default messages;
