import type { Translation } from '../shared/messages.js';
import type { CreditSource } from './messages-en.js';

const messages: Translation<CreditSource> = {
  author: 'Von',
  reporting: 'Berichterstattung',
  'additional-reporting': 'Weitere Berichterstattung',
  writing: 'Text',
  editing: 'Redaktion',
  compiling: 'Zusammenstellung',
  contributing: 'Mitarbeit',
  photography: 'Fotos',
  graphics: 'Grafik',
  video: 'Video',
  research: 'Recherche',
  translation: 'Übersetzung',
  line: '{role}: {names}.',
};

export default messages;
