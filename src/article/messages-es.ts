import type { Translation } from '../shared/messages.js';
import type { ArticleSource } from './messages-en.js';

const messages: Translation<ArticleSource> = {
  by: 'Por',
  updated: 'Actualizado el',
  readingTime: { one: 'Lectura de {count} min', many: 'Lectura de {count} min', other: 'Lectura de {count} min' },
  loading: 'Cargando el artículo…',
  loadError: 'No se pudo cargar este artículo.',
  retry: 'Reintentar',
};

export default messages;
