/**
 * The comment form's opt-in to reply mail (`<lede-comments notifications>`): a checkbox and the
 * address, sent as `notifyEmail`. The server mails a confirmation link before any reply mail.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CommentsMessages } from './messages.js';

/** As the protocol allows (RFC 5321's limit). */
const EMAIL_MAX = 254;

/** The address to notify, '' when the box is unchecked, or null when it is checked without a usable address. */
export function readOptIn(form: HTMLFormElement): string | null {
  const data = new FormData(form);
  if (data.get('notify') !== 'on') return '';
  const email = String(data.get('email') ?? '').trim();
  // A light check: the confirmation mail is the real one.
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= EMAIL_MAX ? email : null;
}

/** The checkbox and the address field, for form `id`; `error` says why the address was refused. */
export function renderOptIn(id: string, messages: CommentsMessages, error: string | undefined): TemplateResult {
  const errorId = `email-error-${id}`;
  return html`<div class="notify">
      <input type="checkbox" id="notify-${id}" name="notify" />
      <label for="notify-${id}">${messages.notifyMe}</label>
    </div>
    <label for="email-${id}">${messages.email}</label>
    <input
      id="email-${id}"
      name="email"
      type="email"
      autocomplete="email"
      maxlength=${EMAIL_MAX}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? errorId : undefined)}
    />
    ${error ? html`<p class="field-error" id=${errorId}>${error}</p>` : nothing}`;
}
