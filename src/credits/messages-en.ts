import type { CreditRole } from '../model.js';
import type { MessageSource } from '../shared/messages.js';

/** English: bundled with the element, and the fallback for every key. Apart from the catalog so translations can use its type without importing the catalog that loads them. */
export const en = {
  author: 'By',
  reporting: 'Reporting',
  'additional-reporting': 'Additional reporting',
  writing: 'Writing',
  editing: 'Editing',
  compiling: 'Compiling',
  contributing: 'Contributing',
  photography: 'Photography',
  graphics: 'Graphics',
  video: 'Video',
  research: 'Research',
  translation: 'Translation',
  /** One role's sentence in `formatCredits`. */
  line: '{role}: {names}.',
} as const satisfies Record<CreditRole, string> & MessageSource;

export type CreditSource = typeof en;
