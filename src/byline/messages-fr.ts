import type { Translation } from '../shared/messages.js';
import type { BylineSource } from './messages-en.js';

const messages: Translation<BylineSource> = {
  credits: 'Tous les crédits',
  invalid: 'Certains crédits sont illisibles.',
};

export default messages;
