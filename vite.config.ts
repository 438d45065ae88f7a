import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { articlePageCss } from './src/article/article.layout.js';
import { bylinePageCss } from './src/byline/byline.layout.js';
import { commentCountPageCss } from './src/comment-count/comment-count.layout.js';
import { commentsPageCss } from './src/comments/comments.layout.js';
import { relatedPageCss } from './src/related/related.layout.js';
import { ledeServer } from './server/src/vite-plugin.js';
import { minifyTemplatesPlugin } from './scripts/minify-templates.js';
import { withSiteChrome } from './demo/site-chrome.js';
import { demoSigner } from './demo/sso-signer.js';

const root = import.meta.dirname;

/** The package entries; each becomes `dist/<name>.js` beside its declarations. */
const entries = {
  index: 'src/index.ts',
  article: 'src/article.ts',
  byline: 'src/byline.ts',
  credits: 'src/credits.ts',
  related: 'src/related.ts',
  comments: 'src/comments.ts',
  'comment-count': 'src/comment-count.ts',
  moderation: 'src/moderation.ts',
  'article-text': 'src/article-text.ts',
  model: 'src/model.ts',
};

/**
 * Keeps the source modules that register elements. package.json's `sideEffects` lists only what
 * ships (their `dist/` counterparts), so the build would otherwise drop `import './article/define.js'`.
 */
function registeringModules(): Plugin {
  return {
    name: 'lede-registering-modules',
    transform: {
      filter: {
        id: /[\\/]src[\\/]((index|article|byline|related|comments|comment-count|moderation|cdn)|(article|byline|related|comments|comment-count|moderation)[\\/]define)\.ts$/,
      },
      handler: () => ({ moduleSideEffects: true }),
    },
  };
}

/** `lede.css`: every element's server-rendered layout, in one `lede` layer. */
const pageCss = () => articlePageCss() + bylinePageCss() + relatedPageCss() + commentsPageCss() + commentCountPageCss();

/** Writes `lede.css`, the page stylesheet that lays out server-rendered content before upgrade. */
function pageStylesheet(): Plugin {
  return {
    name: 'lede-page-stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'lede.css', source: pageCss() });
    },
  };
}

/** Types for a CDN file (`lede-elements/cdn/lede.js`): those of its entry, which tsc writes to `dist/<entry>.d.ts`. */
function cdnDeclarations(file: string, entry: string): Plugin {
  return {
    name: 'lede-cdn-declarations',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: `${file}.d.ts`, source: `export * from '../${entry}.js';\n` });
    },
  };
}

/**
 * The CDN bundle's lazy chunks: modules that load together go in one file, since each file is
 * gzipped alone as served and fetched by its own request.
 * - Every element's `messages-xx.ts` for one language, as `messages-xx`. English stays with each
 *   element: it is the fallback every page needs.
 * - `article-data`: the JSON-LD writer every article runs when idle, with the readers and credits
 *   parser it needs, and the view that shows data (seed page: 0.5 kB less than in five files; a
 *   byline with no article around it loads 3 kB more than the parser alone).
 * - `related-view`: the cards with the feed readers (0.3 kB less than in two).
 */
function lazyChunk(id: string): string | null {
  const language = /[\\/]messages-([a-z]{2,3})\.ts$/.exec(id)?.[1];
  if (language) return language === 'en' ? null : `messages-${language}`;
  if (/[\\/](formats[\\/](article-data|detect-format|json-ld|load-article)|article[\\/](json-ld-script|article-view)|text[\\/]credits)\.ts$/.test(id))
    return 'article-data';
  if (/[\\/](related[\\/](related-view|cards\.styles)|formats[\\/](feeds|feeds[\\/][\w-]+|stories|plain-text))\.ts$/.test(id)) return 'related-view';
  return null;
}

/** What rolldown's codeSplitting name functions get to look up the module graph with. */
interface ChunkingContext {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Modules reached from src/cdn.ts by static imports, found once per chunking pass. */
const entryModules = new WeakMap<ChunkingContext, Set<string>>();

/**
 * The CDN bundle's entry chunk, `lede.js`: every module it imports statically, also those lazy
 * chunks share (the errors and validators: 0.7 kB less than in two files of their own), and the
 * leniency log that the article data and related cards both use (0.2 kB less than on its own).
 */
function entryChunk(id: string, context: ChunkingContext): string | null {
  let modules = entryModules.get(context);
  if (!modules) {
    modules = new Set([resolve(root, 'src/cdn.ts')]);
    for (const module of modules) for (const imported of context.getModuleInfo(module)?.importedIds ?? []) modules.add(imported);
    entryModules.set(context, modules);
  }
  return modules.has(id) || /[\\/]shared[\\/]leniency\.ts$/.test(id) ? 'lede' : null;
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') {
    // The demo: every page in demo/, importing the library straight from src/, with the
    // reference comment server mounted at /api on the same origin (SQLite in .lede-data/).
    // The port: `--port` on the command line, else PORT, else 5173. The moderation console is at
    // /admin/ (demo/admin/index.html), signed in as the demo moderator (docs/moderators.md).
    return {
      root: resolve(root, 'demo'),
      server: { port: Number(process.env.PORT) || 5173, host: '127.0.0.1', fs: { allow: [root] } },
      plugins: [
        // Before the comment server: it gives it the demo's sign-in secret (the "Sign in as…" switcher).
        demoSigner(),
        ledeServer({ demoModerator: { name: 'demo', password: 'demo-moderator' } }),
        { name: 'lede-demo-site-chrome', transformIndexHtml: (html, { path }) => withSiteChrome(html, path) },
        {
          name: 'lede-page-stylesheet-dev',
          configureServer(server) {
            server.middlewares.use('/lede.css', (_request, response) => {
              response.setHeader('Content-Type', 'text/css');
              response.end(pageCss());
            });
          },
        },
      ],
    };
  }

  if (mode === 'cdn') {
    // One file for <script type="module">: Lit bundled, every element registered, minified.
    // DOMPurify stays a separate chunk, fetched only by pages that render HTML bodies.
    return {
      publicDir: false,
      plugins: [pageStylesheet(), cdnDeclarations('lede', 'cdn'), registeringModules(), minifyTemplatesPlugin()],
      // No entity table: this file runs only in a document, whose parser decodes. (Its top-level
      // await turned off rolldown's chunk merging: Lit and the shared helpers left lede.js for 18 small files.)
      resolve: { alias: [{ find: /^\.\/entity-table\.js$/, replacement: resolve(root, 'src/formats/no-entity-table.ts') }] },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap: true,
        lib: { entry: resolve(root, 'src/cdn.ts'), formats: ['es'], fileName: () => 'lede.js' },
        // Library mode keeps whitespace in ES output; a CDN file has no later minifier, so minify fully.
        // The entry may export more than src/cdn.ts does, so the code every page needs merges into
        // lede.js instead of ten small files, each gzipped alone as served (about 2.8 kB more).
        // Lazy chunks as lazyChunk() says. No comments: pure annotations serve a later minifier, and
        // this file has none.
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            comments: false,
            // First what entryChunk() keeps in lede.js, then the modules lazyChunk() names, without
            // what they import (that is mostly in lede.js).
            codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: entryChunk }, { name: lazyChunk }] },
          },
        },
      },
    };
  }

  if (mode === 'cdn-moderation') {
    // The console's own CDN file, built apart from lede.js (into the same folder, after it) so no
    // chunk is shared: a reader's page never fetches a byte of it. Its words are its own chunks.
    return {
      publicDir: false,
      plugins: [cdnDeclarations('moderation', 'moderation'), registeringModules(), minifyTemplatesPlugin()],
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        sourcemap: true,
        lib: { entry: resolve(root, 'src/moderation.ts'), formats: ['es'], fileName: () => 'moderation.js' },
        rolldownOptions: {
          output: { minify: true, chunkFileNames: 'moderation-[name]-[hash].js', codeSplitting: { groups: [{ name: lazyChunk }] } },
        },
      },
    };
  }

  // The npm build: one module per source file so bundlers tree-shake per component; Lit,
  // DOMPurify and entities (the HTML entity table feeds use outside browsers) stay dependencies;
  // declarations come from tsc (tsconfig.build.json).
  return {
    publicDir: false,
    plugins: [pageStylesheet(), registeringModules(), minifyTemplatesPlugin()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, resolve(root, path)])), formats: ['es'] },
      rolldownOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^dompurify$/, /^entities($|\/)/, /^lede-protocol($|\/)/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
