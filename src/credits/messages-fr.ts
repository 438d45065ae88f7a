import type { Translation } from '../shared/messages.js';
import type { CreditSource } from './messages-en.js';

const messages: Translation<CreditSource> = {
  author: 'Par',
  reporting: 'Reportage',
  'additional-reporting': 'Reportage complémentaire',
  writing: 'Rédaction',
  editing: 'Édition',
  compiling: 'Compilation',
  contributing: 'Contributions',
  photography: 'Photographie',
  graphics: 'Infographie',
  video: 'Vidéo',
  research: 'Recherche',
  translation: 'Traduction',
  line: '{role}\u202f: {names}.',
};

export default messages;
