import type { Translation } from '../shared/messages.js';
import type { BylineSource } from './messages-en.js';

const messages: Translation<BylineSource> = {
  credits: 'جميع المساهمين',
  invalid: 'تعذّرت قراءة بعض أسماء المساهمين.',
};

export default messages;
