import { css, unsafeCSS } from 'lit';
import { relatedCss } from './related.layout.js';

export const relatedStyles = [
  // The card layout shared with lede.css, which gives server-rendered lists the same boxes.
  unsafeCSS(
    relatedCss({
      host: (attribute) => (attribute ? `:host(${attribute})` : ':host'),
      list: '.stories',
      item: '.story',
      title: '.title',
      media: '.story::before,.story>img',
      placeholder: '.story:not(.skeleton,:has(>img))::before',
      head: '.head',
    }),
  ),
  // The heading fills the row, as it does before the upgrade when it is the row itself. Written
  // compactly: Lit ships css`` text as written.
  css`:host{background:none}slot>*,::slotted([slot=heading]){flex:1;align-self:stretch;display:flex;align-items:center;margin:0;font:inherit}.story::before{content:""}.skeleton .title{align-self:stretch;border-radius:var(--_radius);background:var(--_color-surface-raised)}@media (prefers-reduced-motion:no-preference){.stories{scroll-behavior:smooth}}`,
];
