import type { Translation } from '../shared/messages.js';
import type { RelatedSource } from './messages-en.js';

const messages: Translation<RelatedSource> = {
  heading: 'También te puede interesar',
  loading: 'Cargando noticias…',
  loadError: 'No se pudieron cargar estas noticias.',
  retry: 'Reintentar',
  previous: 'Noticias anteriores',
  next: 'Noticias siguientes',
};

export default messages;
