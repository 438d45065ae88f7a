import { LedeError, toLedeError } from './errors.js';

/** How `fetchText` requests a URL. */
export interface FetchTextOptions {
  /** Aborts the request for good, e.g. when the element's input changed. */
  signal: AbortSignal;
  /** Milliseconds each attempt may take. */
  timeout: number;
  /** The `Accept` header. */
  accept: string;
  /** Further attempts after a failure that may be passing: offline, a timeout, HTTP 5xx or 429. */
  retries?: number;
}

/**
 * Fetches a URL's text with a timeout per attempt and a retry for failures that may be passing.
 * Rejects with a `LedeError` (`network`, `timeout`, `http`), or with the `AbortError` of `signal`.
 */
export async function fetchText(url: string, { signal, timeout, accept, retries = 1 }: FetchTextOptions): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)]), headers: { Accept: accept } });
      if (!response.ok) throw new LedeError('http', `The request for ${url} failed with HTTP ${response.status}.`, { status: response.status });
      return await response.text();
    } catch (error) {
      signal.throwIfAborted();
      const failure = toLedeError(error);
      const passing = failure.code !== 'http' || failure.status === 429 || (failure.status ?? 0) >= 500;
      if (attempt >= retries || !passing) throw failure;
    }
  }
}
