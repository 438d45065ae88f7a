import type { Translation } from '../shared/messages.js';
import type { BylineSource } from './messages-en.js';

const messages: Translation<BylineSource> = {
  credits: 'Alle Mitwirkenden',
  invalid: 'Einige Angaben zu den Mitwirkenden sind nicht lesbar.',
};

export default messages;
