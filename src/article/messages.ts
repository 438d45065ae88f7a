import type { MessageTable } from '../shared/messages.js';
import { formatNumber } from '../shared/format.js';

export interface ArticleMessages {
  /** The word before the author names: "By". */
  by: string;
  updated: string;
  readingTime: (minutes: number, locale: string) => string;
  loading: string;
  loadError: string;
  retry: string;
}

const minutes = (count: number, locale: string, display: 'short' | 'long' = 'short') =>
  formatNumber(count, locale, { style: 'unit', unit: 'minute', unitDisplay: display });

export const articleMessages: MessageTable<ArticleMessages> = {
  en: {
    by: 'By',
    updated: 'Updated',
    readingTime: (count, locale) => `${minutes(count, locale)} read`,
    loading: 'Loading article…',
    loadError: 'This article could not be loaded.',
    retry: 'Try again',
  },
  ar: {
    by: 'بقلم',
    updated: 'آخر تحديث',
    readingTime: (count, locale) => `مدة القراءة ${minutes(count, locale, 'long')}`,
    loading: 'جارٍ تحميل المقال…',
    loadError: 'تعذّر تحميل هذا المقال.',
    retry: 'أعد المحاولة',
  },
  fr: {
    by: 'Par',
    updated: 'Mis à jour le',
    readingTime: (count, locale) => `Lecture : ${minutes(count, locale)}`,
    loading: 'Chargement de l’article…',
    loadError: 'Impossible de charger cet article.',
    retry: 'Réessayer',
  },
};
