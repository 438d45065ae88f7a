/**
 * The thread's identity templates: the signed-in reader's locked name, the sign-in prompt, an
 * author's verified mark and staff badge, and a moderator's inline buttons. Pure functions of
 * what they are given, like templates.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Comment } from '../model.js';
import type { LedeError } from '../shared/errors.js';
import { isolate } from '../shared/format.js';
import { isVerified, staffRole, tokenError, type TokenError } from './identity.js';
import type { CommentsMessages } from './messages.js';
import type { ModerateAction, Reader } from './provider.js';

const tokenMessages = {
  token_invalid: 'tokenInvalid',
  token_expired: 'tokenExpired',
  token_audience: 'tokenAudience',
  sign_in_required: 'signInRequired',
} as const satisfies Record<TokenError, keyof CommentsMessages>;

/** What went wrong, for the reader: a refused sign-in in the reader's language, anything else as the backend said it. */
export function explain(error: LedeError, messages: CommentsMessages): string {
  const reason = tokenError(error);
  return reason ? messages[tokenMessages[reason]] : error.message;
}

/** The name field of a signed-in reader: their name from the site, read-only, and who they are signed in as. */
export function renderSignedIn(reader: Reader, id: string, messages: CommentsMessages): TemplateResult {
  return html`<label for=${id}>${messages.name}</label>
    <input id=${id} name="name" readonly .value=${reader.name} aria-describedby="signed-in-${id}" />
    <p class="muted signed-in" id="signed-in-${id}">${messages.signedInAs({ name: isolate(reader.name) })}</p>`;
}

/** The prompt to sign in: `message` says why, the button asks the page (`lede-sign-in-requested`). */
export function renderSignIn(message: string, alert: boolean, messages: CommentsMessages, requestSignIn: () => void): TemplateResult {
  return html`<div class="sign-in" part="sign-in">
    <p role=${alert ? 'alert' : 'status'}>${message}</p>
    <button type="button" class="sign-in-button" @click=${requestSignIn}>${messages.signIn}</button>
  </div>`;
}

/** After an author's name: the verified mark and the staff badge, each with a name assistive technology reads. */
export function renderMarks(comment: Comment, messages: CommentsMessages): TemplateResult {
  const role = staffRole(comment);
  return html`${isVerified(comment) ? html`<span class="verified" part="verified" role="img" aria-label=${messages.verified} title=${messages.verified}>✓</span>` : nothing}${
    role ? html`<span class="badge role" part="role-badge" data-role=${role}>${messages[role]}</span>` : nothing
  }`;
}

/** A moderator's buttons on a comment: approve or reject a held one; reject, feature or stop featuring a published one. */
export function renderModeration(comment: Comment, messages: CommentsMessages, moderate: (action: ModerateAction) => void): TemplateResult {
  const published = comment.status === 'published';
  const actions: ModerateAction[] = published ? ['reject', comment.featured ? 'unfeature' : 'feature'] : ['approve', 'reject'];
  return html`<span class="moderation" part="moderation">${actions.map(
    (action) => html`<button type="button" class="moderate-${action}" @click=${() => moderate(action)}>${messages[action]}</button>`,
  )}</span>`;
}
