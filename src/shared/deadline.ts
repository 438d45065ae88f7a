/**
 * A signal that aborts with a `TimeoutError` after `ms` (or with `signal`, when that aborts
 * first); `clear` stops the clock once the work is done.
 *
 * Not `AbortSignal.timeout`: a timeout signal that only a fetch or `AbortSignal.any` refers to is
 * held weakly, and WebKit collects it while the request waits: it never fires, and a hanging
 * request never times out. Here the timer holds the controller, so the clock always runs out.
 */
export function deadline(ms: number, signal?: AbortSignal): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  const follow = () => controller.abort(signal!.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', follow);
    },
  };
}
