import { defineElement } from '../shared/define.js';
import { LedeRelated } from './lede-related.js';

defineElement('lede-related', LedeRelated);

declare global {
  interface HTMLElementTagNameMap {
    'lede-related': LedeRelated;
  }
}
