/**
 * Credit role labels, keyed by role, for `formatCredits` and `<lede-byline>`.
 * @module
 */
import type { CreditRole } from '../model.js';
import { defineMessages, type MessageSource } from '../shared/messages.js';

const en = {
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

export const creditMessages = defineMessages(en, {
  ar: () => import('./messages-ar.js'),
  de: () => import('./messages-de.js'),
  es: () => import('./messages-es.js'),
  fr: () => import('./messages-fr.js'),
});
