import { defineElement } from '../shared/define.js';
import { LedeComments } from './lede-comments.js';

defineElement('lede-comments', LedeComments);

declare global {
  interface HTMLElementTagNameMap {
    'lede-comments': LedeComments;
  }
}
