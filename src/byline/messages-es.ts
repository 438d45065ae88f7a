import type { Translation } from '../shared/messages.js';
import type { BylineSource } from './messages-en.js';

const messages: Translation<BylineSource> = {
  credits: 'Todos los créditos',
  invalid: 'No se pudieron leer algunos créditos.',
};

export default messages;
