/**
 * The comment form's opt-in to reply mail (`<lede-comments notifications>`): a checkbox and the
 * address, sent as `notifyEmail`. The server mails a confirmation link before any reply mail.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
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

/** A form's opt-in as the reader left it. */
export interface OptIn {
  checked: boolean;
  email: string;
}

/**
 * Each form's opt-in, kept while the element lives, so a form that closes and opens again (a
 * refused reply) still shows it. In memory: only a queued comment's address is stored, in the outbox.
 */
export class OptIns {
  readonly #forms: Record<string, OptIn> = {};

  of(form: string): OptIn {
    return (this.#forms[form] ??= { checked: false, email: '' });
  }

  /** Takes an input event's field of form `form`, if it is the checkbox or the address. */
  input(field: HTMLInputElement | HTMLTextAreaElement, form: string): void {
    if (field.name === 'notify') this.of(form).checked = (field as HTMLInputElement).checked;
    else if (field.name === 'email') this.of(form).email = field.value;
  }

  /** A refused comment's address, back in its form as sent (a reply form closed when it was sent). */
  restore(form: string, email: string | undefined): void {
    if (email) this.#forms[form] = { checked: true, email };
  }
}

/** The checkbox and the address field, for form `id`, showing `optIn`; `error` says why the address was refused. */
export function renderOptIn(id: string, messages: CommentsMessages, optIn: OptIn, error: string | undefined): TemplateResult {
  const errorId = `email-error-${id}`;
  return html`<div class="notify">
      <input type="checkbox" id="notify-${id}" name="notify" .checked=${live(optIn.checked)} />
      <label for="notify-${id}">${messages.notifyMe}</label>
    </div>
    <label for="email-${id}">${messages.email}</label>
    <input
      id="email-${id}"
      name="email"
      type="email"
      autocomplete="email"
      maxlength=${EMAIL_MAX}
      .value=${live(optIn.email)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? errorId : undefined)}
    />
    ${error ? html`<p class="field-error" id=${errorId}>${error}</p>` : nothing}`;
}
