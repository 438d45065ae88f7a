import type { Comment } from '../model.js';
import { LedeError, toLedeError } from '../shared/errors.js';
import type { CommentPage, CommentProvider, CommentSort, NewComment, PostedComment } from './provider.js';

type Options = { signal?: AbortSignal };

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
  private async request<T>(path: string, init: RequestInit & { token?: string; key?: string } = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.body) headers['Content-Type'] = 'application/json';
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.key) headers['Idempotency-Key'] = init.key;
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.endpoint + path, { ...init, headers });
      text = await response.text();
    } catch (error) {
      // Also an answer cut off mid-body: the request may or may not have taken effect.
      throw toLedeError(error);
    }
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const problem = (data as { error?: { message?: unknown; field?: unknown } } | undefined)?.error;
      const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
      throw new LedeError('http', typeof problem?.message === 'string' ? problem.message : `HTTP ${response.status}`, {
        status: response.status,
        field: typeof problem?.field === 'string' ? problem.field : undefined,
        retryAfter,
      });
    }
    if (response.status !== 204 && data === undefined) throw new LedeError('invalid-json', 'The server did not answer with JSON.');
    return data as T;
  }

  private send<T>(method: string, path: string, body: unknown, options: Options & { token?: string; key?: string } = {}): Promise<T> {
    return this.request<T>(path, { method, body: body === undefined ? undefined : JSON.stringify(body), ...options });
  }

  private static query(options: { sort?: CommentSort; cursor?: string | null; limit: number }): string {
    const query = new URLSearchParams({ limit: String(options.limit) });
    if (options.sort) query.set('sort', options.sort);
    if (options.cursor) query.set('cursor', options.cursor);
    return `?${query}`;
  }

  list(threadId: string, options: { sort: CommentSort; cursor?: string | null; limit: number; signal?: AbortSignal }): Promise<CommentPage> {
    return this.request(`/threads/${encodeURIComponent(threadId)}/comments${RestCommentProvider.query(options)}`, { signal: options.signal });
  }

  replies(id: string, options: { cursor?: string | null; limit: number; signal?: AbortSignal }): Promise<CommentPage> {
    return this.request(`/comments/${encodeURIComponent(id)}/replies${RestCommentProvider.query(options)}`, { signal: options.signal });
  }

  post(threadId: string, comment: NewComment, { idempotencyKey, signal }: { idempotencyKey: string; signal?: AbortSignal }): Promise<PostedComment> {
    return this.send('POST', `/threads/${encodeURIComponent(threadId)}/comments`, comment, { key: idempotencyKey, signal });
  }

  async edit(id: string, body: string, editToken: string, options: Options = {}): Promise<Comment> {
    return (await this.send<{ comment: Comment }>('PATCH', `/comments/${encodeURIComponent(id)}`, { body }, { ...options, token: editToken })).comment;
  }

  async delete(id: string, editToken: string, options: Options = {}): Promise<void> {
    await this.send('DELETE', `/comments/${encodeURIComponent(id)}`, undefined, { ...options, token: editToken });
  }

  vote(id: string, value: -1 | 0 | 1, options: Options = {}): Promise<{ score: number; vote: number }> {
    return this.send('POST', `/comments/${encodeURIComponent(id)}/votes`, { value }, options);
  }

  async report(id: string, reason: string, options: Options = {}): Promise<void> {
    await this.send('POST', `/comments/${encodeURIComponent(id)}/reports`, { reason }, options);
  }

  count(threadIds: string[], options: Options = {}): Promise<Record<string, number>> {
    const query = new URLSearchParams(threadIds.map((thread) => ['thread', thread]));
    return this.request(`/counts?${query}`, options);
  }
}
