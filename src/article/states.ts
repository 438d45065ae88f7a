import { html, nothing, type TemplateResult } from 'lit';
import type { ArticleMessages } from './messages.js';

/** Shown when the data cannot be used; with a retry button when there is a `src` to fetch again. */
export function errorState(messages: ArticleMessages | undefined, retry?: () => void): TemplateResult {
  return html`<div class="error" role="alert" part="error">
    <span>${messages?.loadError}</span>
    ${retry ? html`<button type="button" @click=${retry}>${messages?.retry}</button>` : nothing}
  </div>`;
}

/** Shown while `src` loads: an announced status and a skeleton of the header's lines. */
export function loadingState(messages: ArticleMessages | undefined): TemplateResult {
  return html`<article part="article" aria-busy="true">
    <p class="visually-hidden" role="status">${messages?.loading}</p>
    <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
  </article>`;
}
