import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildApp } from './app.js';
import { parseConfig } from './config.js';
import { openDatabase } from './store/database.js';

/** The slice of Vite's dev server this plugin uses (Vite itself is not a dependency). */
interface DevServer {
  middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
  httpServer: { once(event: 'close', listener: () => void): void } | null;
}

/**
 * Serves the comment API under `/api` inside Vite's dev server: the demo and its comments
 * share one origin and one process. Configuration comes from the same environment as the
 * CLI (`LEDE_DB`, `DATABASE_URL`, `LEDE_MODERATION`, …); the SQLite file defaults to
 * `./.lede-data/comments.sqlite`, so comments survive a restart.
 */
export function ledeServer(): { name: string; apply: 'serve'; configureServer(server: DevServer): Promise<void> } {
  return {
    name: 'lede-server',
    apply: 'serve',
    async configureServer(server) {
      const config = parseConfig([], { LEDE_LOG: 'warn', ...process.env });
      const database = await openDatabase(config.database);
      const app = await buildApp(config, database);
      await app.ready();
      server.middlewares.use((req, res, next) => {
        if (req.url === '/api' || req.url?.startsWith('/api/')) app.routing(req, res);
        else next();
      });
      server.httpServer?.once('close', () => {
        void app.close().then(() => database.close());
      });
    },
  };
}
