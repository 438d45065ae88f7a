import type { AdminComment, ErrorBody, HoldReason } from 'lede-protocol';
import { LedeError, toLedeError } from '../shared/errors.js';

/** The queues a moderator works through. */
export const QUEUES = ['pending', 'reported', 'published', 'rejected', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

/** Every reason a comment is held, for the filter (the protocol's list lives with its schemas, which a browser does not load). */
export const HOLD_REASONS = ['moderation-all', 'first-time', 'links', 'banned-words', 'honeypot', 'no-timing'] as const satisfies readonly HoldReason[];

/** How many comments each queue holds; a server that does not count every queue leaves some out. */
export type Counts = Partial<Record<Queue, number>>;

/**
 * A comment as the console reads it: the protocol's `AdminComment`, with the context fields a
 * newer server adds (report reasons, the author's key and standing, featured) optional, so the
 * console works against older servers and shows what it is given.
 */
export type ModerationComment = AdminComment & {
  reportReasons?: { reason: string; count: number }[];
  authorKey?: string;
  featured?: boolean;
  author: AdminComment['author'] & { trusted?: boolean; banned?: boolean };
};

/** What the queue shows: the queue, its filters, its order. */
export interface QueueQuery {
  queue: Queue;
  thread?: string;
  author?: string;
  reason?: string;
  q?: string;
  order?: 'newest' | 'oldest';
}

export interface QueuePage {
  comments: ModerationComment[];
  next: string | null;
  counts: Counts;
}

/** Every action on a comment; author actions act on the comment's author. */
export type Action = 'approve' | 'reject' | 'delete' | 'feature' | 'unfeature' | 'trust' | 'untrust' | 'ban' | 'unban';
export const AUTHOR_ACTIONS: readonly Action[] = ['trust', 'untrust', 'ban', 'unban'];

export interface ActionResult {
  comment?: ModerationComment;
  /** Undoes the action for a while; servers without undo send none. */
  undo?: string;
}

export interface Session {
  moderator: string;
  csrfToken: string;
  expiresAt: string;
}

export interface AuthorHistory {
  authorKey: string;
  names: string[];
  counts: { published: number; pending: number; rejected: number; removed: number };
  trusted: boolean;
  banned: boolean;
  comments: ModerationComment[];
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  commentId?: string;
  authorKey?: string;
  threadId?: string;
  detail?: string;
}

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

  async #call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const { token, csrfToken } = this.#credentials();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    else if (csrfToken && method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.base}/${route}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      text = await response.text();
    } catch (error) {
      throw toLedeError(error);
    }
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = undefined;
    }
    if (!response.ok) {
      const problem = (data as Partial<ErrorBody> | undefined)?.error as { message?: unknown } | undefined;
      throw new LedeError('http', typeof problem?.message === 'string' ? problem.message : `HTTP ${response.status}`, {
        status: response.status,
        retryAfter: Number(response.headers.get('Retry-After')) || undefined,
      });
    }
    return data as T;
  }

  session = () => this.#call<Session>('GET', 'session');
  signIn = (name: string, password: string) => this.#call<Session>('POST', 'session', { name, password });
  signOut = () => this.#call<undefined>('DELETE', 'session');
  config = () => this.#call<{ moderator: string; rejectReasons: string[] }>('GET', 'config');

  /** One page of a queue. Older servers answer `nextCursor` and `total` (of this queue) instead of `next` and `counts`. */
  async list(query: QueueQuery, limit: number, cursor?: string | null): Promise<QueuePage> {
    const { queue, ...filters } = query;
    const params = new URLSearchParams({ status: queue, limit: String(limit) });
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
    if (cursor) params.set('cursor', cursor);
    const page = await this.#call<{ comments: ModerationComment[]; next?: string | null; nextCursor?: string | null; counts?: Counts; total?: number }>(
      'GET',
      `comments?${params}`,
    );
    return { comments: page.comments, next: page.next ?? page.nextCursor ?? null, counts: page.counts ?? { [queue]: page.total } };
  }

  context = (id: string) => this.#call<{ comment: ModerationComment; parent: ModerationComment | null }>('GET', path('comments', id));
  author = (key: string) => this.#call<AuthorHistory>('GET', path('authors', key));
  audit = (comment?: string) => this.#call<{ entries: AuditEntry[]; next: string | null }>('GET', `audit?${new URLSearchParams(comment ? { comment } : {})}`);

  /** Acts on one comment (or its author); a 204 answers `{}`. */
  async act(action: Action, comment: ModerationComment, reason?: string): Promise<ActionResult> {
    if (action === 'delete') return (await this.#call<ActionResult | undefined>('DELETE', path('comments', comment.id))) ?? {};
    if (AUTHOR_ACTIONS.includes(action)) return this.#call('POST', `${path('authors', comment.authorKey ?? '')}/${action}`, {});
    const body = action === 'approve' ? { revision: comment.revision } : action === 'reject' && reason ? { reason } : {};
    return (await this.#call<ActionResult | undefined>('POST', `${path('comments', comment.id)}/${action}`, body)) ?? {};
  }

  undo = (undo: string) => this.#call<ActionResult>('POST', path('undo', undo), {});
  bulk = (action: Action, ids: string[], reason?: string) =>
    this.#call<{ results: { id: string; ok: boolean; error?: string; undo?: string }[] }>('POST', 'bulk', { action, ids, ...(reason ? { reason } : {}) });

  /** The live queue: `counts` and `comment` events (the cookie authenticates it; a bearer token cannot ride on EventSource). */
  events(): EventSource {
    return new EventSource(`${this.base}/events`, { withCredentials: true });
  }
}
