import type { Translation } from '../shared/messages.js';
import type { CommentCountSource } from './messages-en.js';

const messages: Translation<CommentCountSource> = {
  count: { one: '{count} commentaire', many: '{count} de commentaires', other: '{count} commentaires' },
};

export default messages;
