import { defineElement } from '../shared/define.js';
import { LedeArticle } from './lede-article.js';

defineElement('lede-article', LedeArticle);

declare global {
  interface HTMLElementTagNameMap {
    'lede-article': LedeArticle;
  }
}
