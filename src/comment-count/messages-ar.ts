import type { Translation } from '../shared/messages.js';
import type { CommentCountSource } from './messages-en.js';

const messages: Translation<CommentCountSource> = {
  count: { zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: '{count} تعليقات', many: '{count} تعليقًا', other: '{count} تعليق' },
};

export default messages;
