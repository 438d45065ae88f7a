import { defineElement } from '../shared/define.js';
import { LedeCommentCount } from './lede-comment-count.js';

defineElement('lede-comment-count', LedeCommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comment-count': LedeCommentCount;
  }
}
