import type { CommentResponse, CreatedComment, EditComment, NewComment as NewCommentBody, Report, Vote, VoteResult } from 'lede-protocol';
import type { Comment } from '../model.js';
import type { LedeError } from '../shared/errors.js';
import { requestJson } from '../shared/json-api.js';
import { openEventStream } from './live-stream.js';
import type { CommentPage, CommentProvider, CommentSort, ModerateAction, NewComment, PostedComment, Reader, ThreadEventHandlers } from './provider.js';

/** The site's sign-in token for the reader, or a function that answers it (fresh) before each signed request. */
export type TokenSource = string | (() => string | null | Promise<string | null>);

/** One request's options: method, JSON body, edit token, idempotency key, abort signal. */
type Request = { method?: string; body?: unknown; token?: string; key?: string; signal?: AbortSignal };

const comment = (id: string) => `/comments/${encodeURIComponent(id)}`;
const thread = (id: string) => `/threads/${encodeURIComponent(id)}/comments`;

/** `?limit=…&sort=…&cursor=…`, leaving out what is unset. */
function query({ sort, cursor, limit }: { sort?: CommentSort; cursor?: string | null; limit: number }): string {
  return `?${new URLSearchParams({ limit: String(limit), ...(sort ? { sort } : {}), ...(cursor ? { cursor } : {}) })}`;
}

/**
 * Speaks the reference server's protocol (`docs/comments-protocol.md`) at `endpoint`, e.g.
 * `/api` or `https://comments.example/api`.
 */
export class RestCommentProvider implements CommentProvider {
  readonly endpoint: string;
  readonly #token?: TokenSource;

  /**
   * `token`: the site's sign-in token (a JWT), sent as `Authorization: Bearer` on writes, on `me`
   * and on a moderator's reads. A function is asked before each of them, so the site can refresh it.
   */
  constructor(endpoint = '/api', { token }: { token?: TokenSource } = {}) {
    this.endpoint = endpoint.replace(/\/+$/, '');
    this.#token = token;
  }

  async #currentToken(): Promise<string | undefined> {
    const token = typeof this.#token === 'function' ? await this.#token() : this.#token;
    return token || undefined;
  }

  /**
   * Sends a request as the signed-in reader (anonymously without a token). An expired token is asked
   * for once more: the site may have refreshed it since; the same token again fails as it did.
   */
  async #signed<T>(path: string, request: Request, token?: string): Promise<T> {
    token ??= await this.#currentToken();
    try {
      return await this.#call<T>(path, { ...request, token });
    } catch (error) {
      if ((error as LedeError).reason !== 'token_expired' || typeof this.#token !== 'function') throw error;
      const fresh = await this.#currentToken();
      if (!fresh || fresh === token) throw error;
      return this.#call<T>(path, { ...request, token: fresh });
    }
  }

  /** Sends one request; resolves with the parsed JSON body (undefined for 204), rejects with a `LedeError`. */
  #call<T>(path: string, { method, body, token, key, signal }: Request = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (key) headers['Idempotency-Key'] = key;
    // Reads are cacheable for a few seconds (docs/caching.md), but the element shows the thread as it
    // is: the browser asks again each time, a cheap 304 when nothing changed.
    return requestJson(this.endpoint + path, { method, headers, body, signal, cache: method ? undefined : 'no-cache' }) as Promise<T>;
  }

  // Reads go signed only for a moderator, whose list holds the held comments: everyone else's stay cacheable.
  list(
    threadId: string,
    options: { sort: CommentSort; cursor?: string | null; limit: number; moderator?: boolean; signal?: AbortSignal },
  ): Promise<CommentPage> {
    const path = thread(threadId) + query(options);
    return options.moderator ? this.#signed(path, options) : this.#call(path, options);
  }

  replies(id: string, options: { cursor?: string | null; limit: number; moderator?: boolean; signal?: AbortSignal }): Promise<CommentPage> {
    const path = `${comment(id)}/replies${query(options)}`;
    return options.moderator ? this.#signed(path, options) : this.#call(path, options);
  }

  post(threadId: string, body: NewComment, { idempotencyKey, signal }: { idempotencyKey: string; signal?: AbortSignal }): Promise<PostedComment> {
    return this.#signed<CreatedComment>(thread(threadId), { method: 'POST', body: body satisfies NewCommentBody, key: idempotencyKey, signal });
  }

  async me({ signal }: { signal?: AbortSignal } = {}): Promise<Reader | null> {
    const token = await this.#currentToken();
    return token ? this.#signed<Reader>('/me', { signal }, token) : null;
  }

  async moderate(id: string, action: ModerateAction, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
    await this.#signed(`${comment(id)}/moderate`, { method: 'POST', body: { action }, signal });
  }

  async get(id: string, { token, signal }: { token?: string; signal?: AbortSignal } = {}): Promise<Comment | null> {
    try {
      return (await this.#call<CommentResponse>(comment(id), { token, signal })).comment;
    } catch (error) {
      if ((error as LedeError).status === 404) return null;
      throw error;
    }
  }

  async edit(id: string, body: string, token: string, { signal }: { signal?: AbortSignal } = {}): Promise<Comment> {
    const request = { method: 'PATCH', body: { body } satisfies EditComment, signal };
    return (await (token ? this.#call<CommentResponse>(comment(id), { ...request, token }) : this.#signed<CommentResponse>(comment(id), request))).comment;
  }

  async delete(id: string, token: string, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
    await (token ? this.#call(comment(id), { method: 'DELETE', token, signal }) : this.#signed(comment(id), { method: 'DELETE', signal }));
  }

  vote(id: string, value: -1 | 0 | 1, { signal }: { signal?: AbortSignal } = {}): Promise<{ score: number; vote: number }> {
    return this.#signed<VoteResult>(`${comment(id)}/votes`, { method: 'POST', body: { value } satisfies Vote, signal });
  }

  async report(id: string, reason: string, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
    await this.#signed(`${comment(id)}/reports`, { method: 'POST', body: { reason } satisfies Report, signal });
  }

  /** The thread's Server-Sent Events; EventSource resumes after a dropped connection with `Last-Event-ID`. */
  events(threadId: string, handlers: ThreadEventHandlers, options: { lastEventId?: string } = {}): () => void {
    return openEventStream(`${this.endpoint}/threads/${encodeURIComponent(threadId)}/events`, handlers, options.lastEventId);
  }

  count(threadIds: string[], { signal }: { signal?: AbortSignal } = {}): Promise<Record<string, number>> {
    return this.#call(`/counts?${new URLSearchParams(threadIds.map((id) => ['thread', id]))}`, { signal });
  }
}
