import type { Translation } from '../shared/messages.js';
import type { RelatedSource } from './messages-en.js';

const messages: Translation<RelatedSource> = {
  heading: 'قد يعجبك أيضًا',
  loading: 'جارٍ تحميل القصص…',
  loadError: 'تعذّر تحميل هذه القصص.',
  retry: 'أعد المحاولة',
  previous: 'القصص السابقة',
  next: 'القصص التالية',
};

export default messages;
