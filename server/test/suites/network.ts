import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { listenApp, type Backend } from '../helpers.js';

const sockets = new Set<Socket>();

/** A raw connection that records what the server sends and when it hangs up. */
async function open(port: number): Promise<{ socket: Socket; received: () => string; closed: (withinMs: number) => Promise<boolean> }> {
  const socket = connect(port, '127.0.0.1');
  sockets.add(socket);
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => {});
  const gone = once(socket, 'close').then(() => true);
  await once(socket, 'connect');
  return {
    socket,
    received: () => text,
    closed: (withinMs) => Promise.race([gone, delay(withinMs).then(() => false)]),
  };
}

/** The server as a socket-holding attacker meets it: real sockets on a listening server. */
export function networkSuite(backend: Backend): void {
  describe('connections', () => {
    // Open sockets would keep the app from closing when a test fails half-way.
    afterEach(() => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    });
    const short = { headersTimeoutMs: 500, requestTimeoutMs: 1000, keepAliveTimeoutMs: 500 };

    it('cuts a client that trickles its body, one that never ends its headers, and idle keep-alive connections', async () => {
      const { port } = await listenApp(backend, short);
      const trickle = await open(port);
      trickle.socket.write('POST /api/threads/t/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
      const slowHeaders = await open(port);
      slowHeaders.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const drip = setInterval(() => {
        trickle.socket.write(' ');
        slowHeaders.socket.write('X-Drip: 1\r\n');
      }, 100);
      try {
        assert.ok(await trickle.closed(3000), 'a body trickled a byte at a time is cut after the request timeout');
        assert.ok(await slowHeaders.closed(100), 'headers that never end are cut after the headers timeout');
      } finally {
        clearInterval(drip);
      }
      assert.match(trickle.received(), /^HTTP\/1\.1 408 /);

      const idle = await open(port);
      idle.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      assert.ok(await idle.closed(2000), 'a keep-alive connection is closed once idle');
      assert.match(idle.received(), /^HTTP\/1\.1 200 /);
    });

    it('answers requests it cannot read in the protocol’s error shape before hanging up', async () => {
      const { port } = await listenApp(backend, short);
      const cases: [string, number, string][] = [
        [`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'<script>'.repeat(3000)}\r\n\r\n`, 431, 'headers_too_large'],
        ['GET <script> NONSENSE\r\n\r\n', 400, 'invalid_request'],
        ['GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n', 408, 'request_timeout'],
      ];
      for (const [request, status, code] of cases) {
        const client = await open(port);
        client.socket.write(request);
        assert.ok(await client.closed(3000), `${status}: closed`);
        const [head, body] = client.received().split('\r\n\r\n');
        assert.match(head!, new RegExp(`^HTTP/1\\.1 ${status} `));
        assert.match(head!, /content-type: application\/json/i);
        assert.deepEqual(JSON.parse(body!), { error: { code, message: JSON.parse(body!).error.message } });
        assert.ok(!body!.includes('script'));
      }
    });

    it('refuses connections over the cap and is reachable again once they drop', async () => {
      const { port, url } = await listenApp(backend, { maxConnections: 2 });
      const held = [await open(port), await open(port)];
      const extra = await open(port);
      assert.ok(await extra.closed(1000), 'a connection over the cap is closed at once');
      assert.equal(extra.received(), '');
      await assert.rejects(fetch(`${url}/api/health`), 'still full');
      for (const { socket } of held) socket.destroy();
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        await delay(50);
        status = await fetch(`${url}/api/health`).then(
          (response) => response.status,
          () => 0,
        );
      }
      assert.equal(status, 200, 'reachable once the held connections are gone');
    });
  });
}
