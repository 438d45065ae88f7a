import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { ModeratorStore } from './auth/store.js';
import { parseConfig } from './config.js';
import { openDatabase, type OpenDatabase } from './store/database.js';

/** The slice of Vite's dev server this plugin uses (Vite itself is not a dependency). */
interface DevServer {
  middlewares: { use(handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void };
  httpServer: { once(event: 'close', listener: () => void): void } | null;
}

export interface LedeServerOptions {
  /**
   * A moderator to add when the database has none, so the console can be tried at once. For a
   * demo on loopback only: its password is in the code.
   */
  demoModerator?: { name: string; password: string };
}

async function addDemoModerator(database: OpenDatabase, { name, password }: { name: string; password: string }): Promise<void> {
  const moderators = new ModeratorStore(database.db);
  if (!(await moderators.any())) await moderators.add(name, await hashPassword(password), Date.now());
}

/**
 * Serves the comment API under `/api` inside Vite's dev server: the demo and its comments
 * share one origin and one process. Configuration comes from the same environment as the
 * CLI (`LEDE_DB`, `DATABASE_URL`, `LEDE_MODERATION`, …); the SQLite file defaults to
 * `./.lede-data/comments.sqlite`, so comments survive a restart.
 */
export function ledeServer(options: LedeServerOptions = {}): { name: string; apply: 'serve'; configureServer(server: DevServer): Promise<void> } {
  return {
    name: 'lede-server',
    apply: 'serve',
    async configureServer(server) {
      const config = parseConfig([], { LEDE_LOG: 'warn', ...process.env });
      const database = await openDatabase(config.database);
      if (options.demoModerator) await addDemoModerator(database, options.demoModerator);
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
