// A tiny static server for the bench pages: loopback only, a free port, and nothing outside
// `dist/` and `bench/page/` (plus pages generated in memory by the bench itself, and `/api` when
// given a comment server to route it to).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Folders (relative to the repository root) the server may read files from. */
const servedFolders = ['dist', 'bench/page'];

/**
 * @typedef {object} BenchServer
 * @property {string} origin `http://127.0.0.1:<port>`
 * @property {(path: string, body: string, type?: string, delayMs?: number) => void} page Serves `body`
 *   at `path`, `delayMs` late (a slow feed).
 * @property {() => Promise<void>} close
 */

/**
 * Starts the server.
 * @param {string} root The repository root.
 * @param {{ api?: (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void }} [options]
 *   `api` answers every request under `/api`.
 * @returns {Promise<BenchServer>}
 */
export async function startServer(root, { api } = {}) {
  /** @type {Map<string, { body: string, type: string, delayMs: number }>} */
  const pages = new Map();
  const allowed = servedFolders.map((folder) => resolve(root, folder) + sep);

  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (api && (path === '/api' || path.startsWith('/api/'))) return api(request, response);
    // Cross-origin isolation gives the pages 5 µs timers instead of 100 µs ones.
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    response.setHeader('Cache-Control', 'no-store');
    const generated = pages.get(path);
    if (generated) {
      if (generated.delayMs) await new Promise((resolve) => setTimeout(resolve, generated.delayMs));
      response.writeHead(200, { 'Content-Type': generated.type }).end(generated.body);
      return;
    }
    const file = resolve(root, `.${path}`);
    if (!allowed.some((folder) => file.startsWith(folder))) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': types[/** @type {keyof types} */ (extname(file))] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });

  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench server: no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    page: (path, body, type = types['.html'], delayMs = 0) => void pages.set(path, { body, type, delayMs }),
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
