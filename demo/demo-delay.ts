/**
 * Demo-only network latency. The dev server answers at once, so a `src` would never show its
 * loading state; this wraps `fetch` to hold back URLs carrying a `demo-delay` query parameter:
 * `demo-delay=1500` waits 1.5 s, `demo-delay=hold` waits until the request is aborted. The
 * parameter is dropped before the real request. Importing this module installs the wrapper.
 */
const realFetch = window.fetch.bind(window);

/** Resolves after `milliseconds` (never for `Infinity`), or rejects with the signal's reason. */
function wait(milliseconds: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = Number.isFinite(milliseconds) ? setTimeout(resolve, milliseconds) : undefined;
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

window.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input, location.href);
  const delay = url.searchParams.get('demo-delay');
  if (delay === null) return realFetch(input, init);
  url.searchParams.delete('demo-delay');
  await wait(delay === 'hold' ? Infinity : Number(delay), init?.signal);
  return realFetch(url, init);
};
