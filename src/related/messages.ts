import type { MessageTable } from '../shared/messages.js';

export interface RelatedMessages {
  heading: string;
  loading: string;
  loadError: string;
  retry: string;
  previous: string;
  next: string;
}

export const relatedMessages: MessageTable<RelatedMessages> = {
  en: {
    heading: 'You may also like',
    loading: 'Loading stories…',
    loadError: 'These stories could not be loaded.',
    retry: 'Try again',
    previous: 'Previous stories',
    next: 'Next stories',
  },
  ar: {
    heading: 'قد يعجبك أيضًا',
    loading: 'جارٍ تحميل القصص…',
    loadError: 'تعذّر تحميل هذه القصص.',
    retry: 'أعد المحاولة',
    previous: 'القصص السابقة',
    next: 'القصص التالية',
  },
  fr: {
    heading: 'Vous aimerez aussi',
    loading: 'Chargement des articles…',
    loadError: 'Impossible de charger ces articles.',
    retry: 'Réessayer',
    previous: 'Articles précédents',
    next: 'Articles suivants',
  },
};
