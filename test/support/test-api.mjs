import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

// Dev-server routes the browser tests use to see real HTTP failures: a status of choice, a
// response that never comes (the element's timeout must end it), a file served late, and a file
// whose chosen requests fail.
const hanging = new Set();
/** The repository, which the dev server serves. */
const root = resolve(import.meta.dirname, '../..');
/** Requests seen per `fail` key, so each test picks a fresh key and counts start at 0. */
const attempts = new Map();
/** Requests seen per `record` key. */
const recorded = new Map();

/**
 * Serves the `file` query parameter's path from the dev server. The route's own URL has no file
 * extension, so the test runner never marks these answers cacheable: every request reaches here.
 */
async function serveFile(context, next) {
  const route = context.url;
  context.url = context.query.file;
  await next();
  context.url = route;
}

const feedStart = '<rss version="2.0"><channel><title>Large</title><item><title>Story</title><link>https://a.example/</link><description>';
const feedEnd = '</description></item></channel></rss>';

/** The chunks of an RSS feed of `bytes` bytes, a long description filling the middle. */
function* feedChunks(bytes) {
  yield feedStart;
  const chunk = 'word '.repeat(13_000);
  for (let left = bytes - feedStart.length - feedEnd.length; left > 0; left -= chunk.length) yield chunk.slice(0, left);
  yield feedEnd;
}

const largeFeed = (bytes) => [...feedChunks(bytes)].join('');

/**
 * A real Server-Sent Events stream per key, for the REST provider's EventSource: open streams, and
 * the `Last-Event-ID` each connection came with. Keys starting with `fail` answer 503.
 */
const streams = new Map();

/** The request's body as JSON. */
async function jsonBody(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text);
}

/**
 * /test-api/sse/threads/<key>/events: the stream (`retry: 100`, so reconnects are quick).
 * POST /test-api/sse-send/<key> { event, id, data }: one event to every open stream of <key>.
 * POST /test-api/sse-drop/<key>: ends them, as a server restart or a proxy would.
 * GET /test-api/sse-seen/<key>: { lastEventIds }, one per connection (null without the header), and { open }.
 */
async function sse(context) {
  const [, route, key] = /^\/test-api\/sse(?:-(send|drop|seen)\/([\w-]+)|\/threads\/([\w-]+)\/events)$/.exec(context.path) ?? [];
  const id = key ?? /\/threads\/([\w-]+)\//.exec(context.path)?.[1];
  if (!id) return false;
  const entry = streams.get(id) ?? { open: new Set(), lastEventIds: [] };
  streams.set(id, entry);
  if (route === 'seen') {
    context.body = { lastEventIds: entry.lastEventIds, open: entry.open.size };
  } else if (route === 'send') {
    const { event, id: seq, data } = await jsonBody(context.req);
    for (const response of entry.open) response.write(`id: ${seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    context.body = { sent: entry.open.size };
  } else if (route === 'drop') {
    for (const response of entry.open) response.end();
    entry.open.clear();
    context.body = { dropped: true };
  } else if (id.startsWith('fail')) {
    entry.lastEventIds.push(context.get('Last-Event-ID') || null);
    context.status = 503;
    context.body = { error: 'test' };
  } else {
    entry.lastEventIds.push(context.get('Last-Event-ID') || null);
    // Written by hand: the dev server's compression would hold a stream back.
    context.respond = false;
    const response = context.res;
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    response.write('retry: 100\n: open\n\n');
    entry.open.add(response);
    context.req.on('close', () => entry.open.delete(response));
  }
  return true;
}

export function testApi() {
  return async (context, next) => {
    const status = /^\/test-api\/status\/(\d{3})$/.exec(context.path);
    if (status) {
      context.status = Number(status[1]);
      context.body = { error: 'test' };
      return;
    }
    // /test-api/delay/<ms>?file=<path>: the dev server's <path>, <ms> milliseconds late.
    const delay = /^\/test-api\/delay\/(\d+)$/.exec(context.path);
    if (delay) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(delay[1]), 20000)));
      return serveFile(context, next);
    }
    // /test-api/fail/<key>/<from>-<to>[/<status>]?file=<path>: requests number <from> to <to> of
    // <key> (counting from 1) get HTTP <status> (503), the others <path>. X-Attempt tells which
    // request it was.
    const fail = /^\/test-api\/fail\/([\w-]+)\/(\d+)-(\d+)(?:\/(\d{3}))?$/.exec(context.path);
    if (fail) {
      const seen = (attempts.get(fail[1]) ?? 0) + 1;
      attempts.set(fail[1], seen);
      context.set('X-Attempt', String(seen));
      if (seen >= Number(fail[2]) && seen <= Number(fail[3])) {
        context.status = Number(fail[4] ?? 503);
        context.body = { error: 'test' };
        return;
      }
      return serveFile(context, next);
    }
    // /test-api/record/<key>: counts the request and answers 404; /test-api/recorded/<key> tells
    // how many came, so a test can prove a URL was never requested.
    const record = /^\/test-api\/record(ed)?\/([\w-]+)/.exec(context.path);
    if (record) {
      if (!record[1]) recorded.set(record[2], (recorded.get(record[2]) ?? 0) + 1);
      context.status = record[1] ? 200 : 404;
      context.body = { requests: recorded.get(record[2]) ?? 0 };
      return;
    }
    // /test-api/large/<bytes>[?declared]: an RSS feed of <bytes> bytes, streamed without a length,
    // or sent with its Content-Length.
    const large = /^\/test-api\/large\/(\d+)$/.exec(context.path);
    if (large) {
      context.type = 'application/rss+xml';
      context.body = 'declared' in context.query ? Buffer.from(largeFeed(Number(large[1]))) : Readable.from(feedChunks(Number(large[1])));
      return;
    }
    // /test-api/bytes?file=<path>[&type=<Content-Type>]: a fixture's bytes exactly as stored. The dev
    // server would read the file as UTF-8 text on its way through its plugins, which breaks feeds
    // stored in GB2312 or Latin-1 before any browser sees them.
    if (context.path === '/test-api/bytes') {
      const file = resolve(root, `.${context.query.file}`);
      if (!file.startsWith(`${root}${sep}test${sep}fixtures${sep}`)) {
        context.status = 403;
        return;
      }
      context.type = context.query.type ?? 'application/octet-stream';
      context.body = await readFile(file);
      return;
    }
    // /test-api/void/<anything>: 204 at once, for the URLs hostile data makes a page request.
    if (context.path.startsWith('/test-api/void/')) {
      context.status = 204;
      return;
    }
    if (context.path.startsWith('/test-api/sse') && (await sse(context))) return;
    if (context.path === '/test-api/hang') {
      // Answer after 30 s at the latest so the dev server can always shut down.
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 30000);
        hanging.add(timer);
        context.req.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      context.status = 504;
      return;
    }
    return next();
  };
}
