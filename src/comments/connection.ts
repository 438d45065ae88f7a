import { toLedeError, type LedeError } from '../shared/errors.js';
import { reportError } from '../shared/events.js';
import { checkedProvider } from './answers.js';
import type { CommentsHost } from './host.js';
import type { CommentProvider } from './provider.js';
import { RestCommentProvider } from './rest-provider.js';

/** What the stores need of the backend: a way to ask it, and where failures are told. */
export interface Connection {
  /** Runs `work` with the provider and a signal that aborts it when the request takes too long. */
  request<T>(work: (provider: CommentProvider, signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Fires `lede-error` on the element; the error as a `LedeError`. */
  report(error: unknown): LedeError;
}

/** The backend the host's `provider`, `backend` and `endpoint` name, made again when they change. */
export class HostConnection implements Connection {
  /** The settings `#provider` was made for. */
  #source?: unknown[];
  #provider?: Promise<CommentProvider>;

  constructor(readonly host: CommentsHost) {}

  /** Whether the backend changed since the last call: then the thread loads again. */
  changed(): boolean {
    const { host } = this;
    const source = [host.provider, host.backend, host.endpoint];
    if (source.every((value, index) => value === this.#source?.[index])) return false;
    this.#source = source;
    this.#provider = undefined;
    return true;
  }

  async request<T>(work: (provider: CommentProvider, signal: AbortSignal) => Promise<T>): Promise<T> {
    return work(await this.#provide(), AbortSignal.timeout(this.host.timeout));
  }

  #provide(): Promise<CommentProvider> {
    this.#provider ??= (
      this.host.provider
        ? Promise.resolve(this.host.provider)
        : this.host.backend === 'local'
          ? import('./local-provider.js').then(({ LocalCommentProvider }) => new LocalCommentProvider())
          : // Read at each request, so a token set or a callback changed later is the one sent.
            Promise.resolve(new RestCommentProvider(this.host.endpoint, { token: () => this.host.tokenProvider?.() ?? this.host.token ?? null }))
    ).then(checkedProvider);
    return this.#provider;
  }

  report(error: unknown): LedeError {
    const failure = toLedeError(error);
    reportError(this.host, failure);
    return failure;
  }
}
