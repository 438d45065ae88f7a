import type { Translation } from '../shared/messages.js';
import type { CreditSource } from './messages-en.js';

const messages: Translation<CreditSource> = {
  author: 'بقلم',
  reporting: 'تغطية',
  'additional-reporting': 'تغطية إضافية',
  writing: 'كتابة',
  editing: 'تحرير',
  compiling: 'إعداد',
  contributing: 'مساهمة',
  photography: 'تصوير',
  graphics: 'رسوم',
  video: 'فيديو',
  research: 'بحث',
  translation: 'ترجمة',
  line: '{role}: {names}.',
};

export default messages;
