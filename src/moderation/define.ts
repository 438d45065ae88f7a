import { defineElement } from '../shared/define.js';
import { LedeModeration } from './lede-moderation.js';

defineElement('lede-moderation', LedeModeration);

declare global {
  interface HTMLElementTagNameMap {
    'lede-moderation': LedeModeration;
  }
}
