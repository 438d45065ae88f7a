import type { Translation } from '../shared/messages.js';
import type { CommentCountSource } from './messages-en.js';

const messages: Translation<CommentCountSource> = {
  count: { one: '{count} Kommentar', other: '{count} Kommentare' },
};

export default messages;
