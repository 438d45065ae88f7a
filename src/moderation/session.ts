import type { ReactiveController } from 'lit';
import { toLedeError, type LedeError } from '../shared/errors.js';
import type { ModerationHost } from './host.js';

/** Where sign-in stands: asking the server, signed out (the form shows), or working. */
export type SessionState = 'checking' | 'signed-out' | 'signed-in';

/** The session's part of the host: a script's token skips sign-in. */
export interface SessionHost extends ModerationHost {
  readonly token?: string;
}

/**
 * The moderator's session: asks the server whether the cookie still holds one, signs in and out,
 * and keeps the CSRF token every write sends. A `token` (for scripts) stands in for a session.
 */
export class SessionController implements ReactiveController {
  state: SessionState = 'checking';
  moderator?: string;
  csrfToken?: string;
  /** Why the last sign-in failed, for the form. */
  error?: LedeError;

  constructor(private readonly host: SessionHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Resolves with whether the console may load its queue. */
  async check(): Promise<boolean> {
    if (this.host.token) return this.#signedIn('token');
    this.state = 'checking';
    this.host.requestUpdate();
    try {
      const session = await this.host.api.session();
      this.csrfToken = session.csrfToken;
      return this.#signedIn(session.moderator);
    } catch (error) {
      const failure = toLedeError(error);
      if (failure.status !== 401) this.host.fail(failure);
      this.signedOut();
      return false;
    }
  }

  async signIn(name: string, password: string): Promise<boolean> {
    this.error = undefined;
    try {
      const session = await this.host.api.signIn(name, password);
      this.csrfToken = session.csrfToken;
      return this.#signedIn(session.moderator);
    } catch (error) {
      this.error = toLedeError(error);
      this.host.announce(this.host.words().signInFailed);
      this.host.requestUpdate();
      return false;
    }
  }

  async signOut(): Promise<void> {
    try {
      await this.host.api.signOut();
    } catch (error) {
      // The cookie is gone or the server is down: either way the console forgets the session.
      if (toLedeError(error).status !== 401) this.host.fail(toLedeError(error));
    }
    this.signedOut();
  }

  signedOut(): void {
    this.state = 'signed-out';
    this.moderator = undefined;
    this.csrfToken = undefined;
    this.host.requestUpdate();
  }

  #signedIn(moderator: string): true {
    this.state = 'signed-in';
    this.moderator = moderator;
    this.host.requestUpdate();
    return true;
  }
}
