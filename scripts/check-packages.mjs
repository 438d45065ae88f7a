// Proves the packages install and work the way a user gets them. Run after `npm run build`:
// packs lede-elements, lede-server and lede-protocol (the wire types, schemas and limits both
// depend on), installs the three tarballs (and Vite) into a fresh project in a temporary
// directory as the READMEs say, then (a) imports every JS export of the library and of the
// protocol in Node and compares its names with the package's own declarations, (b) builds pages
// importing every entry with Vite and checks no schema library reached the browser, (c) starts
// `npx lede-server`, asks GET /api/health, posts a comment, adds a moderator with the installed
// bin and signs them in on the console page at /admin/. Exits non-zero on any failure;
// the temporary directory and the server always go.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const repo = resolve(import.meta.dirname, '..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const rootPackage = readJson(join(repo, 'package.json'));
const protocolPackage = readJson(join(repo, 'protocol/package.json'));
// The readers' elements (the CDN file lede.js has these), and the moderation console's (in its own entry and CDN file).
const readerTags = ['lede-article', 'lede-byline', 'lede-related', 'lede-comments', 'lede-comment-count'];
const tags = [...readerTags, 'lede-moderation'];

const temp = mkdtempSync(join(tmpdir(), 'lede-packages-'));
const project = join(temp, 'project');
/** @type {import('node:child_process').ChildProcess | undefined} */
let server;

let stepCount = 0;
const step = (title) => console.log(`\n--- ${++stepCount}. ${title}`);
const ok = (message) => console.log(`ok: ${message}`);
function check(condition, message) {
  if (!condition) throw new Error(message);
  ok(message);
}

/**
 * Runs a command, echoing its output; resolves with its stdout and all its output, rejects on a non-zero exit.
 * `input` is written to its standard input (else it has none).
 */
function run(command, args, { cwd = repo, quiet = false, label = `${command} ${args.join(' ')}`, input } = {}) {
  console.log(`$ ${label}${cwd === repo ? '' : `    (in ${cwd})`}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    child.stdin?.end(input);
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        if (!quiet) process.stdout.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise({ stdout, output });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}${quiet ? `:\n${output}` : ''}`));
    });
  });
}

/** Packs one package into `temp`; returns the tarball's path and its file list. */
async function pack(workspaceArgs) {
  const { stdout } = await run('npm', ['pack', ...workspaceArgs, '--json', '--pack-destination', temp], { quiet: true });
  const [result] = JSON.parse(stdout); // with --json, npm prints lifecycle scripts' output on stderr
  console.log(`packed ${result.filename}: ${result.entryCount} files, ${(result.size / 1024).toFixed(1)} kB`);
  return { tarball: join(temp, result.filename), files: new Map(result.files.map((file) => [file.path, file])) };
}

/** The JS files an `exports` map points at, by subpath (`.` → the package); types-only subpaths have none. */
function jsExports(packageJson) {
  return Object.entries(packageJson.exports)
    .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : target.default])
    .filter(([, file]) => file?.endsWith('.js'));
}

/** The value (not type-only) names each entry's declarations export, read with TypeScript as a user's editor would. */
function declaredValueExports(packageName, subpaths) {
  const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true };
  const from = join(project, 'index.ts');
  const files = new Map(
    subpaths.map((subpath) => {
      const specifier = `${packageName}${subpath.slice(1)}`;
      const resolved = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
      if (!resolved?.resolvedFileName.endsWith('.d.ts')) throw new Error(`TypeScript finds no declarations for ${specifier}`);
      return [subpath, resolved.resolvedFileName];
    }),
  );
  const program = ts.createProgram([...files.values()], options);
  const checker = program.getTypeChecker();
  const typeOnly = (symbol) => symbol.declarations?.some((node) => ts.isExportSpecifier(node) && (node.isTypeOnly || node.parent.parent.isTypeOnly));
  return new Map(
    [...files].map(([subpath, file]) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(file));
      const names = (module ? checker.getExportsOfModule(module) : [])
        .filter((symbol) => !typeOnly(symbol))
        .filter((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol).flags & ts.SymbolFlags.Value)
        .map((symbol) => symbol.name);
      return [subpath, names.sort()];
    }),
  );
}

/** The names a built ES module exports, read from its `export { … }` statements (for a browser-only bundle). */
function bundleExports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return source.statements
    .filter((node) => ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause))
    .flatMap((node) => node.exportClause.elements.map((element) => element.name.text))
    .sort();
}

const freePort = () =>
  new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });

const sleep = (ms) => new Promise((wait) => setTimeout(wait, ms));

/** Waits until no process is left in the group `pgid`; false after `ms`. */
async function groupGone(pgid, ms) {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(100)) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
  }
  return false;
}

const sameList = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function main() {
  step('Pack the three packages as npm publish would');
  const elements = await pack([]);
  const serverPack = await pack(['-w', 'lede-server']);
  const protocol = await pack(['-w', 'lede-protocol']);
  const shipped = [...elements.files.keys()];
  const named = Object.values(rootPackage.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
  const missing = named.filter((file) => !elements.files.has(file.slice(2)));
  check(
    missing.length === 0,
    `lede-elements ships every file its exports map names (${named.length})${missing.length ? `; missing: ${missing.join(', ')}` : ''}`,
  );
  const registering = rootPackage.sideEffects.filter((pattern) => pattern.startsWith('./'));
  const absent = registering.filter((file) => !elements.files.has(file.slice(2)));
  check(absent.length === 0, `every sideEffects path is in the package (${registering.length})${absent.length ? `; not shipped: ${absent.join(', ')}` : ''}`);
  check(
    ['README.md', 'LICENSE', 'custom-elements.json'].every((file) => elements.files.has(file)),
    'lede-elements ships README.md, LICENSE and custom-elements.json',
  );
  check(
    shipped.every((file) => file.startsWith('dist/') || !file.includes('/')),
    `lede-elements ships only dist/ and top-level files (${shipped.length} files)`,
  );
  const cli = serverPack.files.get('dist/cli.js');
  check(cli !== undefined && (cli.mode & 0o111) !== 0, 'lede-server ships dist/cli.js, executable');
  check(
    ['dist/store/migrations.js', 'README.md', 'LICENSE'].every((file) => serverPack.files.has(file)),
    'lede-server ships its migrations, README.md and LICENSE',
  );
  // The console page loads moderation.js, which loads its chunks (`./moderation-….js`), which load others.
  const consoleDir = join(repo, 'server/dist/console');
  const chunks = new Set();
  const follow = (file) => {
    const path = join(consoleDir, file);
    if (!existsSync(path)) return;
    for (const [, chunk] of readFileSync(path, 'utf8').matchAll(/[`"']\.\/(moderation-[\w.-]+\.js)[`"']/g)) {
      if (chunks.has(chunk)) continue;
      chunks.add(chunk);
      follow(chunk);
    }
  };
  follow('moderation.js');
  const consoleFiles = ['dist/console/moderation.js', ...[...chunks].map((chunk) => `dist/console/${chunk}`)];
  const lackingConsole = consoleFiles.filter((file) => !serverPack.files.has(file));
  check(
    lackingConsole.length === 0 && chunks.size > 0,
    `lede-server ships the moderation console: ${consoleFiles.length} files${lackingConsole.length ? `; missing: ${lackingConsole.join(', ')}` : ''}`,
  );
  const protocolFiles = ['dist/index.js', 'dist/index.d.ts', 'dist/limits.js', 'dist/limits.d.ts', 'README.md', 'LICENSE'];
  check(
    protocolFiles.every((file) => protocol.files.has(file)),
    `lede-protocol ships ${protocolFiles.join(', ')}`,
  );
  const serverPackage = readJson(join(repo, 'server/package.json'));
  for (const [name, manifest] of [
    ['lede-elements', rootPackage],
    ['lede-server', serverPackage],
  ]) {
    const wanted = manifest.dependencies['lede-protocol'];
    check(wanted === protocolPackage.version, `${name} depends on lede-protocol ${wanted}, the version packed (${protocolPackage.version})`);
  }

  step('Install the tarballs into a fresh project, as the READMEs say (lede-protocol from its tarball: it is not published yet)');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'lede-install-check', private: true, type: 'module' }, null, 2)}\n`);
  await run('npm', ['pkg', 'set', 'allowScripts.better-sqlite3=true', '--json'], { cwd: project });
  // --strict-allow-scripts: an install script nobody approved fails here instead of warning.
  const { output: install } = await run(
    'npm',
    [
      'install',
      elements.tarball,
      serverPack.tarball,
      protocol.tarball,
      `vite@${rootPackage.devDependencies.vite}`,
      '--no-audit',
      '--no-fund',
      '--strict-allow-scripts',
    ],
    { cwd: project },
  );
  check(!/EBADENGINE/.test(install), `npm install printed no EBADENGINE warning (Node ${process.versions.node})`);
  check(!/install-scripts/.test(install), 'npm install printed no install-scripts warning');
  const binding = join(project, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  check(statSync(binding, { throwIfNoEntry: false })?.isFile() === true, 'better-sqlite3 built its native binding');

  step('(a) Import every JS export of lede-elements in Node');
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/lede-elements/package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/lede-elements/custom-elements.json'), 'utf8'));
  const tagOfClass = new Map(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((d) => d.tagName)
      .map((d) => [d.name, d.tagName]),
  );
  const entries = jsExports(installed);
  const declared = declaredValueExports(
    'lede-elements',
    entries.map(([subpath]) => subpath),
  );
  for (const [subpath, file] of entries) {
    const specifier = `lede-elements${subpath.slice(1)}`;
    const expected = declared.get(subpath);
    if (subpath.startsWith('./cdn/')) {
      // A CDN file inlines Lit's browser build (it needs a real DOM), so its exports are read, not run.
      // It also exports minified internals to its lazily loaded chunks, hence "every declared name".
      const names = bundleExports(join(project, 'node_modules/lede-elements', file));
      const lacking = expected.filter((name) => !names.includes(name));
      check(
        lacking.length === 0,
        `${specifier} exports every name its declarations do (${expected.join(', ')})${lacking.length ? `; lacks ${lacking.join(', ')}` : ''}`,
      );
      continue;
    }
    // One process per entry: each import starts from an empty custom element registry (Lit's Node shim).
    const probe = `const m = await import(${JSON.stringify(specifier)});
      const defined = ${JSON.stringify(tags)}.filter((tag) => globalThis.customElements?.get(tag));
      const classes = Object.fromEntries(defined.map((tag) => [tag, Object.keys(m).find((name) => m[name] === customElements.get(tag)) ?? null]));
      console.log(JSON.stringify({ names: Object.keys(m).sort(), defined, classes }));`;
    const label = `node -e "await import('${specifier}')"`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: project, quiet: true, label });
    const result = JSON.parse(stdout);
    check(sameList(result.names, expected), `${specifier} imports in Node; exports what its declarations say (${expected.length} names)`);
    const expectedTags = expected
      .map((name) => tagOfClass.get(name))
      .filter(Boolean)
      .sort();
    check(sameList([...result.defined].sort(), expectedTags), `${specifier} registers ${expectedTags.join(', ') || 'no element'}`);
    for (const tag of result.defined) check(tagOfClass.get(result.classes[tag]) === tag, `<${tag}> is registered with the exported ${result.classes[tag]}`);
  }
  const keyNames = ['LedeArticle', 'LedeByline', 'LedeRelated', 'LedeComments', 'parseArticleText', 'parseCredits', 'RestCommentProvider'];
  check(
    keyNames.every((name) => declared.get('.').includes(name)),
    `lede-elements exports ${keyNames.join(', ')}`,
  );
  const protocolEntries = jsExports(readJson(join(project, 'node_modules/lede-protocol/package.json')));
  const protocolDeclared = declaredValueExports(
    'lede-protocol',
    protocolEntries.map(([subpath]) => subpath),
  );
  for (const [subpath] of protocolEntries) {
    const specifier = `lede-protocol${subpath.slice(1)}`;
    const probe = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: project,
      quiet: true,
      label: `node -e "await import('${specifier}')"`,
    });
    check(
      sameList(JSON.parse(stdout), protocolDeclared.get(subpath)),
      `${specifier} imports in Node; exports what its declarations say (${protocolDeclared.get(subpath).length} names)`,
    );
  }
  check(
    ['LIMITS', 'ERROR_CODES'].every((name) => protocolDeclared.get('./limits.js').includes(name)),
    'lede-protocol/limits.js exports LIMITS and ERROR_CODES',
  );

  step('(b) Build pages importing every entry with Vite');
  const imports = entries.filter(([subpath]) => !subpath.startsWith('./cdn/')).map(([subpath]) => `lede-elements${subpath.slice(1)}`);
  const pages = {
    // Everything, as an app that uses every component would import it.
    all: [...imports.map((specifier) => `import ${JSON.stringify(specifier)};`), `import 'lede-elements/lede.css';`].join('\n'),
    // Only a parser: sideEffects must let the bundler drop every element.
    credits: `import { parseCredits } from 'lede-elements/credits.js';\nconsole.log(parseCredits('By A. Writer'));`,
    // The CDN files through a bundler.
    cdn: `import 'lede-elements/cdn/lede.js';`,
    'cdn-moderation': `import 'lede-elements/cdn/moderation.js';`,
  };
  for (const [name, code] of Object.entries(pages)) {
    writeFileSync(join(project, `${name}.js`), `${code}\n`);
    writeFileSync(join(project, `${name}.html`), `<!doctype html>\n<title>${name}</title>\n<script type="module" src="./${name}.js"></script>\n`);
  }
  const input = Object.fromEntries(Object.keys(pages).map((name) => [name, `${name}.html`]));
  writeFileSync(join(project, 'vite.config.js'), `export default { build: { rolldownOptions: { input: ${JSON.stringify(input)} } } };\n`);
  await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: project });
  /** A built page's JS and CSS: the assets its HTML links (its entry, preloaded chunks, styles). */
  const built = (name) => {
    const html = readFileSync(join(project, 'dist', `${name}.html`), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
    const read = (extension) =>
      assets
        .filter((asset) => asset.endsWith(extension))
        .map((asset) => readFileSync(join(project, 'dist', asset), 'utf8'))
        .join('\n');
    return { js: read('.js'), css: read('.css') };
  };
  // `defineElement('lede-article', LedeArticle)`, minified: the registration, not just the tag's name.
  const registers = (js, tag) => new RegExp(`[\\w$]+\\((["'\`])${tag}\\1,[\\w$]+\\)`).test(js);
  const all = built('all');
  check(
    tags.every((tag) => registers(all.js, tag)),
    `the full page registers ${tags.join(', ')}`,
  );
  check(all.css.includes('lede-article:not(:defined)'), 'the full page carries lede.css');
  // The browser takes only plain values from lede-protocol: TypeBox marks every schema with this symbol.
  check(
    !all.js.includes('TypeBox.Kind') && !built('cdn').js.includes('TypeBox.Kind'),
    'no page carries TypeBox (the client imports lede-protocol/limits.js only)',
  );
  const credits = built('credits');
  check(credits.js.includes('A. Writer') && !tags.some((tag) => credits.js.includes(tag)), 'a page importing only parseCredits carries no element');
  const cdn = built('cdn').js;
  // lede.js registers <lede-comment-count> once a page has one: `defineWhenUsed('lede-comment-count', () => import(…))`
  // (Vite wraps the import in its preload helper).
  const eager = readerTags.filter((tag) => tag !== 'lede-comment-count');
  check(
    eager.every((tag) => registers(cdn, tag)) && /[\w$]+\(([`"'])lede-comment-count\1,\(\)=>[^;]*?import\(/.test(cdn) && !cdn.includes('lede-moderation'),
    `a page importing the CDN file lede.js registers ${eager.join(', ')}, lede-comment-count when used, and not the moderation console`,
  );
  check(registers(built('cdn-moderation').js, 'lede-moderation'), 'a page importing the CDN file moderation.js registers lede-moderation');

  step('(c) Start `npx lede-server`, ask GET /api/health and /admin/, add a moderator with the bin and sign in');
  const port = await freePort();
  const db = join(temp, 'data', 'comments.sqlite');
  console.log(`$ npx lede-server --port ${port} --db ${db}    (in ${project})`);
  // Its own process group, so cleanup can end npx and the server together.
  server = spawn('npx', ['lede-server', '--port', String(port), '--db', db], { cwd: project, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const deadline = Date.now() + 30_000;
  let response;
  while (!response && Date.now() < deadline) {
    response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
    if (!response) await sleep(250);
  }
  check(response?.status === 200, `GET /api/health answered ${response?.status ?? 'nothing within 30 s'}`);
  const body = await response.json();
  check(body.status === 'ok' && body.database === 'sqlite', `the health body is ${JSON.stringify(body)}`);
  // A post goes through lede-protocol's schemas both ways: the body validated, the answer serialised.
  const posted = await fetch(`http://127.0.0.1:${port}/api/threads/install-check/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: { name: 'Installer' }, body: 'From the tarballs.', startedAt: Date.now() - 60_000 }),
  });
  const created = await posted.json();
  check(
    posted.status === 201 && created.comment.body === 'From the tarballs.' && typeof created.editToken === 'string',
    `POST a comment answered ${posted.status} with the comment and its edit token`,
  );
  const invalid = await fetch(`http://127.0.0.1:${port}/api/threads/install-check/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"body":"No author."}',
  });
  check(
    invalid.status === 400 && (await invalid.json()).error.code === 'invalid_request',
    `a post without an author is refused by the schema (${invalid.status})`,
  );
  const base = `http://127.0.0.1:${port}`;
  const page = await fetch(`${base}/admin/`);
  const html = await page.text();
  check(
    page.status === 200 && html.includes('<lede-moderation src="/api/admin"></lede-moderation>'),
    `GET /admin/ answered ${page.status} with the console page`,
  );
  const script = await fetch(`${base}/admin/moderation.js`);
  check(script.status === 200 && (await script.text()).includes('lede-moderation'), `GET /admin/moderation.js answered ${script.status}`);
  const password = 'install-check-password';
  await run('npx', ['lede-server', 'moderators', 'add', 'installer', '--db', db], { cwd: project, input: `${password}\n` });
  const { stdout: listed } = await run('npx', ['lede-server', 'moderators', 'list', '--db', db], { cwd: project });
  check(listed.includes('installer'), '`lede-server moderators add` added a moderator the list shows');
  const signIn = await fetch(`${base}/api/admin/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ name: 'installer', password }),
  });
  const session = await signIn.json();
  check(
    signIn.status === 200 && session.moderator === 'installer' && /lede_admin=/.test(signIn.headers.get('set-cookie') ?? ''),
    `the moderator signs in to the running server (${signIn.status})`,
  );
  check(statSync(db, { throwIfNoEntry: false })?.isFile() === true, `the database is where --db said: ${db}`);
  check(existsSync(`${db}-wal`), 'SQLite runs in WAL mode (the -wal file exists while serving)');
  // SIGTERM to the whole process group, as a process manager does (Ctrl-C sends SIGINT the same way):
  // npx's shell does not pass a signal sent to npx alone on to the server.
  process.kill(-server.pid, 'SIGTERM');
  check(await groupGone(server.pid, 10_000), 'SIGTERM stopped npx and lede-server within 10 s');
  // A clean close checkpoints SQLite's write-ahead log and deletes it; a killed process leaves it behind.
  check(!existsSync(`${db}-wal`), 'lede-server closed its database cleanly (no -wal file left)');
  server = undefined;
}

function cleanUp() {
  try {
    if (server) process.kill(-server.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  rmSync(temp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(1);
  });
}

try {
  await main();
  console.log('\nThe three packages install and work from their tarballs.');
} catch (error) {
  console.error(`\nFAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}
