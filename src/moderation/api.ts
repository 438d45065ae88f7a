import type {
  ActionResult,
  AdminComment,
  AdminCommentContext,
  AdminCommentPage,
  AdminConfig,
  AdminSession,
  AuditPage,
  AuthorHistory,
  BulkAction,
  BulkResult,
  HoldReason,
  QueueCounts,
  ThreadSettings,
  UpdateThread,
} from 'lede-protocol';
import { requestJson } from '../shared/json-api.js';

export type { ActionResult, AdminComment, AuditEntry, AuthorHistory, QueueCounts, ThreadSettings, UpdateThread } from 'lede-protocol';

/** The queues a moderator works through. */
/** A moderation queue: one of the admin API's `status` filters. */
export type Queue = 'pending' | 'reported' | 'published' | 'rejected' | 'all';
export const QUEUES = ['pending', 'reported', 'published', 'rejected', 'all'] as const satisfies readonly (Queue & keyof QueueCounts)[];

/** Every reason a comment is held, for the filter (the protocol's list lives with its schemas, which a browser does not load). */
export const HOLD_REASONS = [
  'moderation-all',
  'first-time',
  'links',
  'banned-words',
  'honeypot',
  'no-timing',
  'banned-author',
] as const satisfies readonly HoldReason[];

/** What the queue shows: the queue, its filters, its order. */
export interface QueueQuery {
  queue: Queue;
  thread?: string;
  author?: string;
  reason?: HoldReason;
  q?: string;
  order?: 'newest' | 'oldest';
}

/** Every action on a comment; author actions act on the comment's author. */
export type Action = BulkAction | 'trust' | 'untrust' | 'ban' | 'unban';
export const AUTHOR_ACTIONS: readonly Action[] = ['trust', 'untrust', 'ban', 'unban'];

/** How the console proves who it is: a script's bearer token, or the session's CSRF token on writes (the cookie goes by itself). */
export interface Credentials {
  token?: string;
  csrfToken?: string;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** A thin client of the admin API (`/api/admin`): one method per route, errors as `LedeError` with the HTTP status. */
export class ModerationApi {
  readonly base: string;
  readonly #credentials: () => Credentials;

  constructor(base: string, credentials: () => Credentials) {
    this.base = base.replace(/\/+$/, '');
    this.#credentials = credentials;
  }

  #call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const { token, csrfToken } = this.#credentials();
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    else if (csrfToken && method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
    return requestJson(`${this.base}/${route}`, { method, headers, body, credentials: 'same-origin' }) as Promise<T>;
  }

  session = () => this.#call<AdminSession>('GET', 'session');
  signIn = (name: string, password: string) => this.#call<AdminSession>('POST', 'session', { name, password });
  signOut = () => this.#call<undefined>('DELETE', 'session');
  config = () => this.#call<AdminConfig>('GET', 'config');

  /** One page of a queue, with every queue's count under the same filters. */
  list(query: QueueQuery, limit: number, cursor?: string | null): Promise<AdminCommentPage> {
    const { queue, ...filters } = query;
    const params = new URLSearchParams({ status: queue, limit: String(limit) });
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
    if (cursor) params.set('cursor', cursor);
    return this.#call('GET', `comments?${params}`);
  }

  context = (id: string) => this.#call<AdminCommentContext>('GET', path('comments', id));
  author = (key: string) => this.#call<AuthorHistory>('GET', path('authors', key));
  /** The audit log, newest first: every action, or those on one comment. */
  audit(query: { comment?: string; cursor?: string | null }, limit: number): Promise<AuditPage> {
    const params = new URLSearchParams({ limit: String(limit) });
    if (query.comment) params.set('comment', query.comment);
    if (query.cursor) params.set('cursor', query.cursor);
    return this.#call('GET', `audit?${params}`);
  }

  thread = (id: string) => this.#call<ThreadSettings>('GET', path('threads', id));
  setThread = (id: string, change: UpdateThread) => this.#call<ThreadSettings>('PUT', path('threads', id), change);

  /** Acts on one comment, or on its author. */
  act(action: Action, comment: AdminComment, reason?: string): Promise<ActionResult> {
    if (action === 'delete') return this.#call('DELETE', path('comments', comment.id));
    if (AUTHOR_ACTIONS.includes(action)) return this.#call('POST', `${path('authors', comment.authorKey)}/${action}`, {});
    const body = action === 'approve' ? { revision: comment.revision } : action === 'reject' && reason ? { reason } : {};
    return this.#call('POST', `${path('comments', comment.id)}/${action}`, body);
  }

  undo = (undo: string) => this.#call<Partial<ActionResult>>('POST', path('undo', undo), {});

  /** Acts on many comments; an approval names the revision of each the moderator reviewed. */
  bulk = (action: BulkAction, comments: AdminComment[], reason?: string) =>
    this.#call<BulkResult>('POST', 'bulk', {
      action,
      ids: comments.map(({ id }) => id),
      ...(action === 'approve' ? { revisions: Object.fromEntries(comments.map(({ id, revision }) => [id, revision])) } : {}),
      ...(reason ? { reason } : {}),
    });

  /** The live queue: `counts` and `comment` events (the cookie authenticates it; a bearer token cannot ride on EventSource). */
  events(): EventSource {
    return new EventSource(`${this.base}/events`, { withCredentials: true });
  }
}
