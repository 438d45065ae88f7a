import { deadline } from './deadline.js';
import { isRetryable, LedeError, toLedeError } from './errors.js';

/**
 * The largest response body Lede reads, in bytes. Articles and feeds are tens of kilobytes; a body
 * this large is a mistake or an attack, and parsing it would block the page.
 */
export const maxBodyBytes = 5_000_000;

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
  /** Bodies longer than this many bytes are refused (`too-large`); `maxBodyBytes` unless set. */
  maxBytes?: number;
}

const tooLarge = (url: string, maxBytes: number) => new LedeError('too-large', `The response for ${url} is larger than ${maxBytes} bytes.`);

/**
 * The body's bytes, refused as soon as they are known to pass `maxBytes`: by its `Content-Length`,
 * or by counting while it streams, so an endless or lying response stops at the limit.
 */
async function readBytes(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  if (Number(response.headers.get('Content-Length') ?? 0) > maxBytes) {
    void response.body?.cancel();
    throw tooLarge(url, maxBytes);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** A response body as bytes, with the `Content-Type` that says how to decode them. */
export interface FetchedBytes {
  bytes: Uint8Array;
  contentType: string | null;
}

/**
 * Fetches a URL's bytes with a timeout per attempt and a retry for failures that may be passing.
 * Rejects with a `LedeError` (`network`, `timeout`, `http`, `too-large`), or with the `AbortError`
 * of `signal`. For bodies whose encoding only their content names (feeds); others use `fetchText`.
 */
export async function fetchBytes(url: string, { signal, timeout, accept, retries = 1, maxBytes = maxBodyBytes }: FetchTextOptions): Promise<FetchedBytes> {
  for (let attempt = 0; ; attempt += 1) {
    const attemptEnds = deadline(timeout, signal);
    try {
      const response = await fetch(url, { signal: attemptEnds.signal, headers: { Accept: accept } });
      if (!response.ok) throw new LedeError('http', `The request for ${url} failed with HTTP ${response.status}.`, { status: response.status });
      return { bytes: await readBytes(response, url, maxBytes), contentType: response.headers.get('Content-Type') };
    } catch (error) {
      signal.throwIfAborted();
      const failure = toLedeError(error);
      if (attempt >= retries || !isRetryable(failure)) throw failure;
    } finally {
      attemptEnds.clear();
    }
  }
}

/** `fetchBytes`, decoded as UTF-8: what JSON is. */
export async function fetchText(url: string, options: FetchTextOptions): Promise<string> {
  return new TextDecoder().decode((await fetchBytes(url, options)).bytes);
}
