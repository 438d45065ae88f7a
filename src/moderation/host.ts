import type { ReactiveControllerHost } from 'lit';
import type { LedeError } from '../shared/errors.js';
import type { Messages } from '../shared/messages.js';
import type { ModerationApi } from './api.js';
import type { ModerationSource } from './messages.js';

/**
 * What the controllers of `<lede-moderation>` use of it: its API client, its words, the live
 * region and error reporting. Typed apart from the element so no controller imports it.
 */
export interface ModerationHost extends ReactiveControllerHost {
  readonly api: ModerationApi;
  /** Comments per page the queue asks for. */
  readonly pageSize: number;
  /** The element's words in its language (English until that loads). */
  words(): Messages<ModerationSource>;
  /** Says `text` to screen readers through the element's live region. */
  announce(text: string): void;
  /** Shows a failed action and tells the page. */
  fail(error: LedeError): void;
  /** Tells the page about a failure shown elsewhere (the queue shows its own): a warning and a `lede-error` event. */
  tell(error: LedeError): void;
  /** The session ended on the server: show the sign-in form. */
  signedOut(): void;
}
