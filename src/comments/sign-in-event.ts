import type { TokenError } from './identity.js';

/**
 * Fired by `<lede-comments>` when the reader asks to sign in: the thread takes signed-in readers
 * only, or the server refused the page's token. The page answers by signing the reader in and
 * setting the element's `token` (or `tokenProvider`); what the reader typed is kept meanwhile.
 * Bubbles; does not cross shadow roots.
 */
export class LedeSignInRequestedEvent extends Event {
  static readonly eventName = 'lede-sign-in-requested';
  /** Why: the server's reason for refusing the last token, or absent when none was given yet. */
  readonly reason?: TokenError;

  constructor(reason?: TokenError) {
    super(LedeSignInRequestedEvent.eventName, { bubbles: true });
    this.reason = reason;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lede-sign-in-requested': LedeSignInRequestedEvent;
  }
}
