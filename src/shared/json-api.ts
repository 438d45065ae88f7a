/**
 * One JSON request to a server that speaks Lede's comment protocol: the readers' API (the REST
 * comment backend) and the moderators' (the console). Both answer errors as `{ error: { code,
 * message, field? } }` (`docs/comments-protocol.md`).
 * @module
 */
import type { ErrorBody } from 'lede-protocol';
import { LedeError, toLedeError } from './errors.js';

/** How `requestJson` sends a request; `headers` add to the JSON ones. */
export interface JsonRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  credentials?: RequestCredentials;
  /** The browser cache's part (fetch's `cache`). */
  cache?: RequestCache;
}

/**
 * Sends one request with a JSON body. Resolves with the parsed JSON answer (undefined for 204);
 * rejects with a `LedeError`: `http` with the server's message, field, code (`reason`) and
 * `Retry-After`, `invalid-json` for an answer that is not JSON, and the network's errors.
 */
export async function requestJson(url: string, { method, headers, body, signal, credentials, cache }: JsonRequest = {}): Promise<unknown> {
  const sent: Record<string, string> = { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers };
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method, headers: sent, signal, credentials, cache, body: body === undefined ? undefined : JSON.stringify(body) });
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
    // Typed as the protocol says, checked as if it did not: any server may answer an error.
    const problem = (data as Partial<ErrorBody> | undefined)?.error as { message?: unknown; field?: unknown; code?: unknown } | undefined;
    throw new LedeError('http', typeof problem?.message === 'string' ? problem.message : `HTTP ${response.status}`, {
      status: response.status,
      field: typeof problem?.field === 'string' ? problem.field : undefined,
      retryAfter: Number(response.headers.get('Retry-After')) || undefined,
      reason: typeof problem?.code === 'string' ? problem.code : undefined,
    });
  }
  if (response.status !== 204 && data === undefined) throw new LedeError('invalid-json', 'The server did not answer with JSON.');
  return data;
}
