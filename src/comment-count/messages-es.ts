import type { Translation } from '../shared/messages.js';
import type { CommentCountSource } from './messages-en.js';

const messages: Translation<CommentCountSource> = {
  count: { one: '{count} comentario', many: '{count} de comentarios', other: '{count} comentarios' },
};

export default messages;
