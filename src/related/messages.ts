import type { MessageTable } from '../shared/messages.js';

export interface RelatedMessages {
  heading: string;
  loading: string;
  loadError: string;
  retry: string;
}

export const relatedMessages: MessageTable<RelatedMessages> = {
  en: {
    heading: 'You may also like',
    loading: 'Loading stories…',
    loadError: 'These stories could not be loaded.',
    retry: 'Try again',
  },
  ar: {
    heading: 'قد يعجبك أيضًا',
    loading: 'جارٍ تحميل القصص…',
    loadError: 'تعذّر تحميل هذه القصص.',
    retry: 'أعد المحاولة',
  },
  fr: {
    heading: 'Vous aimerez aussi',
    loading: 'Chargement des articles…',
    loadError: 'Impossible de charger ces articles.',
    retry: 'Réessayer',
  },
};
