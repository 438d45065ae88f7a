import type { Translation } from '../shared/messages.js';
import type { CreditSource } from './messages-en.js';

const messages: Translation<CreditSource> = {
  author: 'Por',
  reporting: 'Información',
  'additional-reporting': 'Información adicional',
  writing: 'Redacción',
  editing: 'Edición',
  compiling: 'Recopilación',
  contributing: 'Colaboración',
  photography: 'Fotografía',
  graphics: 'Infografía',
  video: 'Vídeo',
  research: 'Documentación',
  translation: 'Traducción',
  line: '{role}: {names}.',
};

export default messages;
