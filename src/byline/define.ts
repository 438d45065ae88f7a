import { defineElement } from '../shared/define.js';
import { LedeByline } from './lede-byline.js';

defineElement('lede-byline', LedeByline);

declare global {
  interface HTMLElementTagNameMap {
    'lede-byline': LedeByline;
  }
}
