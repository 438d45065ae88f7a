/** The reference server's live thread (`GET /threads/:id/events`, Server-Sent Events) as a provider's `events`. */
import { EVENT_TYPES } from './answers.js';
import type { ThreadEvent, ThreadEventHandlers } from './provider.js';

/** How long before a stream the browser gave up on (an HTTP error, a wrong type) is opened again. */
export const REOPEN_DELAY = 3000;

/**
 * Listens to an SSE stream at `url`, from `lastEventId` if given (`?lastEventId=`: EventSource
 * cannot send the header itself the first time). While the connection drops and comes back,
 * EventSource reconnects by itself with `Last-Event-ID`, so nothing is missed. When the browser
 * gives up on it, a new stream is opened after `REOPEN_DELAY`; that one cannot resume, so it says
 * `reset`. Events that are not JSON are reported as failures. Returns the function that closes it.
 */
export function openEventStream(url: string, handlers: ThreadEventHandlers, lastEventId?: string): () => void {
  let source: EventSource;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = (resumed: boolean) => {
    source = new EventSource(resumed || lastEventId === undefined ? url : `${url}?${new URLSearchParams({ lastEventId })}`);
    if (resumed) source.addEventListener('open', () => handlers.event({ type: 'reset', data: {} }), { once: true });
    for (const type of EVENT_TYPES)
      source.addEventListener(type, (message) => {
        let data: unknown;
        try {
          data = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return handlers.error();
        }
        // The element checks every event (answers.ts) before it relies on one.
        handlers.event({ type, data } as ThreadEvent);
      });
    source.addEventListener('error', () => {
      handlers.error();
      if (source.readyState === EventSource.CLOSED) timer = setTimeout(() => open(true), REOPEN_DELAY);
    });
  };
  open(false);
  return () => {
    clearTimeout(timer);
    source.close();
  };
}
