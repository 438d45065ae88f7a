import type { MessageTable } from '../shared/messages.js';

export interface BylineMessages {
  /** The disclosure button that shows every credit by role. */
  credits: string;
  invalid: string;
}

export const bylineMessages: MessageTable<BylineMessages> = {
  en: { credits: 'Full credits', invalid: 'Some credits could not be read.' },
  ar: { credits: 'جميع المساهمين', invalid: 'تعذّرت قراءة بعض أسماء المساهمين.' },
  fr: { credits: 'Tous les crédits', invalid: 'Certains crédits sont illisibles.' },
};
