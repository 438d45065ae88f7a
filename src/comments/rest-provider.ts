import type { CommentResponse, CreatedComment, EditComment, NewComment as NewCommentBody, Report, Vote, VoteResult } from 'lede-protocol';
import type { Comment } from '../model.js';
import type { LedeError } from '../shared/errors.js';
import { requestJson } from '../shared/json-api.js';
import { openEventStream } from './live-stream.js';
import type { CommentPage, CommentProvider, CommentSort, NewComment, PostedComment, ThreadEventHandlers } from './provider.js';

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

  constructor(endpoint = '/api') {
    this.endpoint = endpoint.replace(/\/+$/, '');
  }

  /** Sends one request; resolves with the parsed JSON body (undefined for 204), rejects with a `LedeError`. */
  #call<T>(path: string, { method, body, token, key, signal }: Request = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (key) headers['Idempotency-Key'] = key;
    return requestJson(this.endpoint + path, { method, headers, body, signal }) as Promise<T>;
  }

  list(threadId: string, options: { sort: CommentSort; cursor?: string | null; limit: number; signal?: AbortSignal }): Promise<CommentPage> {
    return this.#call(thread(threadId) + query(options), options);
  }

  replies(id: string, options: { cursor?: string | null; limit: number; signal?: AbortSignal }): Promise<CommentPage> {
    return this.#call(`${comment(id)}/replies${query(options)}`, options);
  }

  post(threadId: string, body: NewComment, { idempotencyKey, signal }: { idempotencyKey: string; signal?: AbortSignal }): Promise<PostedComment> {
    return this.#call<CreatedComment>(thread(threadId), { method: 'POST', body: body satisfies NewCommentBody, key: idempotencyKey, signal });
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
    return (await this.#call<CommentResponse>(comment(id), { method: 'PATCH', body: { body } satisfies EditComment, token, signal })).comment;
  }

  async delete(id: string, token: string, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
    await this.#call(comment(id), { method: 'DELETE', token, signal });
  }

  vote(id: string, value: -1 | 0 | 1, { signal }: { signal?: AbortSignal } = {}): Promise<{ score: number; vote: number }> {
    return this.#call<VoteResult>(`${comment(id)}/votes`, { method: 'POST', body: { value } satisfies Vote, signal });
  }

  async report(id: string, reason: string, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
    await this.#call(`${comment(id)}/reports`, { method: 'POST', body: { reason } satisfies Report, signal });
  }

  /** The thread's Server-Sent Events; EventSource resumes after a dropped connection with `Last-Event-ID`. */
  events(threadId: string, handlers: ThreadEventHandlers): () => void {
    return openEventStream(`${this.endpoint}/threads/${encodeURIComponent(threadId)}/events`, handlers);
  }

  count(threadIds: string[], { signal }: { signal?: AbortSignal } = {}): Promise<Record<string, number>> {
    return this.#call(`/counts?${new URLSearchParams(threadIds.map((id) => ['thread', id]))}`, { signal });
  }
}
