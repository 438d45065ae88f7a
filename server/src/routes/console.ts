import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Where `npm run build` copies the console (scripts/copy-console.mjs): dist/console in this package, from src/ or dist/. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/console/', import.meta.url));

/**
 * Scripts from this server only, no inline script, no framing (clickjacking a moderator's clicks).
 * Inline styles are allowed: Lit sets some, and styles cannot run code.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const LANGUAGES: Record<string, string> = { en: 'ltr', fr: 'ltr', ar: 'rtl' };

/** The first language of Accept-Language the console speaks (it follows the page's `lang`), else English. */
function pageLanguage(request: FastifyRequest): string {
  const tags = (request.headers['accept-language'] ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase().split('-')[0]!);
  return tags.find((tag) => tag in LANGUAGES) ?? 'en';
}

const page = (lang: string) => `<!doctype html>
<html lang="${lang}" dir="${LANGUAGES[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Moderation</title>
<script type="module" src="/admin/moderation.js"></script>
</head>
<body>
<lede-moderation src="/api/admin"></lede-moderation>
</body>
</html>
`;

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Moderation console not built</title></head>
<body>
<h1>The moderation console is not built</h1>
<p>This lede-server has no <code>dist/console/moderation.js</code>. Build the elements and then the server:
<code>npm run build</code> at the repository root, then <code>npm run build -w lede-server</code>
(it copies <code>dist/cdn/moderation.js</code> into the server). The moderation API at <code>/api/admin</code> works meanwhile.</p>
</body>
</html>
`;

/**
 * The moderation console at /admin/: a page holding `<lede-moderation>`, and the scripts it loads,
 * read once from `dir` at start-up. Without them the page is a 503 that says how to build them.
 */
export function registerConsole(app: FastifyInstance, dir: string): void {
  const scripts = new Map<string, { body: Buffer; etag: string }>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => /^[\w.-]+\.js$/.test(file));
  } catch {
    // not built: the page says so
  }
  for (const file of files) {
    const body = readFileSync(join(dir, file));
    scripts.set(file, { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
  }
  const ready = scripts.has('moderation.js');

  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));

  app.get('/admin/', async (request, reply) => {
    reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', CSP)
      .header('X-Frame-Options', 'DENY')
      .header('Referrer-Policy', 'no-referrer')
      .header('Vary', 'Accept-Language');
    return ready ? page(pageLanguage(request)) : reply.code(503).send(NOT_BUILT);
  });

  app.get<{ Params: { file: string } }>('/admin/:file', async (request, reply) => {
    const script = scripts.get(request.params.file);
    if (!script) return reply.callNotFound();
    // Revalidated on every load, so a new release's console is picked up at once.
    reply.header('Content-Type', 'text/javascript; charset=utf-8').header('Cache-Control', 'no-cache').header('ETag', script.etag);
    if (request.headers['if-none-match'] === script.etag) return reply.code(304).send();
    return script.body;
  });
}
