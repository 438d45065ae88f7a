/**
 * Comment counts for every `<lede-comment-count>` on a page, asked in as few requests as the
 * server allows: threads asked for in one task go out together (`GET /counts`, at most 100 threads
 * and a few kilobytes of address each), and each answer is reused for a while.
 */
import { LedeError, toLedeError } from '../shared/errors.js';
import { isObject } from '../shared/validate.js';

/** How long a count is reused: long enough for one page and its neighbours, short enough to stay current. */
export const COUNT_TTL = 30_000;
/** The server's limit of threads per request (LIMITS.countThreads). */
const MAX_THREADS = 100;
/** Longest query string per request: servers refuse long request lines (Node: 16 kB of headers). */
const MAX_QUERY = 6000;
const TIMEOUT = 15_000;

type Waiter = { resolve: (count: number) => void; reject: (error: LedeError) => void };

const cache = new Map<string, { at: number; count: Promise<number> }>();
/** Threads asked for since the last flush, by endpoint. */
let queued = new Map<string, Map<string, Waiter>>();

/** The number of published comments in `thread`, from the reference server's API at `endpoint`. */
export function commentCount(endpoint: string, thread: string): Promise<number> {
  const key = `${endpoint}\n${thread}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < COUNT_TTL) return cached.count;
  const count = new Promise<number>((resolve, reject) => {
    if (queued.size === 0) queueMicrotask(flush);
    const waiting = queued.get(endpoint) ?? new Map<string, Waiter>();
    queued.set(endpoint, waiting.set(thread, { resolve, reject }));
  });
  const entry = { at: Date.now(), count };
  cache.set(key, entry);
  // A failure is not kept: the next element asks again.
  count.catch(() => cache.get(key) === entry && cache.delete(key));
  return count;
}

function flush(): void {
  const batches = queued;
  queued = new Map();
  for (const [endpoint, waiting] of batches) {
    let group: string[] = [];
    let length = 0;
    for (const thread of waiting.keys()) {
      const size = encodeURIComponent(thread).length + 8;
      if (group.length === MAX_THREADS || (group.length > 0 && length + size > MAX_QUERY)) {
        void ask(endpoint, group, waiting);
        [group, length] = [[], 0];
      }
      group.push(thread);
      length += size;
    }
    void ask(endpoint, group, waiting);
  }
}

async function ask(endpoint: string, threads: string[], waiting: Map<string, Waiter>): Promise<void> {
  let counts: unknown;
  try {
    const query = new URLSearchParams(threads.map((thread) => ['thread', thread]));
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/counts?${query}`, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT),
    });
    // An error page need not be JSON: its status is the news.
    counts = await response.json().catch((error: unknown) => {
      if (response.ok) throw error;
    });
    if (!response.ok) {
      // The server's own words, as `<lede-comments>` gives them.
      const message: unknown = isObject(counts) && isObject(counts.error) ? counts.error.message : undefined;
      throw new LedeError('http', typeof message === 'string' ? message : `HTTP ${response.status}`, { status: response.status });
    }
  } catch (error) {
    const failure = toLedeError(error);
    for (const thread of threads) waiting.get(thread)!.reject(failure);
    return;
  }
  for (const thread of threads) {
    const count = isObject(counts) && Object.hasOwn(counts, thread) ? counts[thread] : undefined;
    const { resolve, reject } = waiting.get(thread)!;
    if (Number.isSafeInteger(count) && (count as number) >= 0) resolve(count as number);
    else reject(new LedeError('invalid-data', `The server gave no count for thread "${thread}".`, { field: 'counts' }));
  }
}
