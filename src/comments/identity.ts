/**
 * Who the reader is: the signed-in reader the backend read from the site's token (`me`), what
 * they may do to a comment (edit and delete their own by identity, moderate), and why a sign-in
 * was refused. No DOM: it asks the backend through a `Connection` and says `changed()`.
 */
import { STAFF_ROLES } from 'lede-protocol/limits.js';
import type { Comment } from '../model.js';
import type { LedeError } from '../shared/errors.js';
import type { Connection } from './connection.js';
import type { Reader, StaffRole } from './provider.js';

/** The backend's reasons for refusing a sign-in: the reader is asked to sign in again, and their text is kept. */
export type TokenError = 'token_invalid' | 'token_expired' | 'token_audience' | 'sign_in_required';
const TOKEN_ERRORS: readonly TokenError[] = ['token_invalid', 'token_expired', 'token_audience', 'sign_in_required'];

export const tokenError = (error: LedeError | undefined): TokenError | undefined => TOKEN_ERRORS.find((reason) => reason === error?.reason);

/** The author's staff role, when it is one Lede knows (a newer server's unknown one shows no badge). */
export const staffRole = ({ author: { role } }: Comment): StaffRole | undefined => STAFF_ROLES.find((staff) => staff === role);

export const isVerified = (comment: Comment): boolean => comment.author.verified === true;

export class IdentityStore {
  reader: Reader | null = null;
  /** Whether the backend lets the reader moderate from the thread (a moderator, and a backend with `moderate`). */
  moderates = false;
  /** Why the backend refused the page's sign-in, shown by the form. */
  error?: LedeError;
  /** The sign-in settings `reader` was asked for. */
  #source?: unknown[];

  constructor(
    readonly connection: Connection,
    readonly changed: () => void,
  ) {}

  /** Whether the sign-in (or the backend) changed since the last call: then `load` asks again. */
  outdated(source: unknown[]): boolean {
    if (source.every((value, index) => value === this.#source?.[index])) return false;
    this.#source = source;
    return true;
  }

  /** Asks the backend who the reader is; a refused sign-in leaves them anonymous, with the reason kept. */
  async load(): Promise<void> {
    const source = this.#source;
    try {
      const [reader, moderates] = await this.connection.request(async (provider, signal) => {
        const reader = (await provider.me?.({ signal })) ?? null;
        return [reader, !!reader?.moderator && !!provider.moderate] as const;
      });
      if (source !== this.#source) return;
      Object.assign(this, { reader, moderates, error: undefined });
    } catch (error) {
      if (source !== this.#source) return;
      Object.assign(this, { reader: null, moderates: false, error: this.connection.report(error) });
    }
    this.changed();
  }

  /** Whether `comment` is the signed-in reader's own and its edit window is still open. */
  owns(comment: Comment, now = Date.now()): boolean {
    const { reader } = this;
    const { id } = comment.author;
    return !!reader && id !== undefined && id === reader.id && now < Date.parse(comment.createdAt) + reader.editWindowSeconds * 1000;
  }
}
