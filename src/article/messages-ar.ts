import type { Translation } from '../shared/messages.js';
import type { ArticleSource } from './messages-en.js';

const messages: Translation<ArticleSource> = {
  by: 'بقلم',
  updated: 'آخر تحديث',
  readingTime: {
    zero: 'مدة القراءة {count} دقيقة',
    one: 'مدة القراءة دقيقة واحدة',
    two: 'مدة القراءة دقيقتان',
    few: 'مدة القراءة {count} دقائق',
    many: 'مدة القراءة {count} دقيقة',
    other: 'مدة القراءة {count} دقيقة',
  },
  loading: 'جارٍ تحميل المقال…',
  loadError: 'تعذّر تحميل هذا المقال.',
  retry: 'أعد المحاولة',
};

export default messages;
