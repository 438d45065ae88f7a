// Transfer sizes: what each piece costs a reader, minified and gzipped (zlib level 9).
//
// Package entries are bundled from `dist/` the way an app's bundler would see them (esbuild,
// minified, tree-shaken) with Lit and DOMPurify left external, because an app pays for Lit once
// however many components it uses. esbuild is installed through tsx and @web/dev-server-esbuild.
import { build } from 'esbuild';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Dependencies an app already has or loads lazily: never counted as a component's bytes. */
const dependencies = [/^lit($|\/)/, /^@lit\//, /^dompurify$/];

/**
 * @param {string | Uint8Array} code
 * @returns {number} gzip -9 size in bytes.
 */
export function gzipSize(code) {
  return gzipSync(code, { level: 9 }).length;
}

/**
 * Bundles `contents` (an ES module resolved from `root`) minified, as an app's bundler would:
 * code behind `import()` goes to chunks of its own. Returns the gzip size of what loads at once
 * (the entry and its static imports, as one file, as an app would ship them) and, apart, of what
 * loads only on `import()`.
 * @param {string} root Repository root.
 * @param {string} contents Entry module source.
 * @param {{ external?: (path: string) => boolean, bundleDependencies?: boolean }} [options]
 *   `external` also leaves out every resolved file it returns true for; `bundleDependencies`
 *   inlines Lit instead of leaving it external.
 * @returns {Promise<{ bytes: number, gzip: number, lazy: { bytes: number, gzip: number, files: Record<string, number> }, modules: Record<string, number> }>}
 *   `modules`: minified bytes each source file adds to what loads at once; `lazy.files`: the gzip size of each lazy chunk.
 */
export async function bundleSize(root, contents, { external, bundleDependencies = false } = {}) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: 'bench-entry.js', loader: 'js' },
    absWorkingDir: root,
    outdir: join(root, 'bench-out'),
    bundle: true,
    splitting: true,
    write: false,
    metafile: true,
    minify: true,
    // Served as UTF-8, as the CDN file is: escaping Arabic strings as \uXXXX would count six bytes a letter.
    charset: 'utf8',
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'silent',
    plugins: [
      {
        name: 'bench-external',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /.*/ }, async (args) => {
            if (args.pluginData === 'bench') return undefined;
            if (!bundleDependencies && dependencies.some((pattern) => pattern.test(args.path))) return { path: args.path, external: true };
            if (!external || !args.path.startsWith('.')) return undefined;
            const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'bench' });
            return external(resolved.path) ? { path: args.path, external: true } : undefined;
          });
        },
      },
    ],
  });
  const outputs = result.metafile.outputs;
  const code = new Map(result.outputFiles.map((file) => [relative(root, file.path).split(sep).join('/'), file.contents]));
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === 'bench-entry.js') ?? '';
  const eager = new Set([entry]);
  for (const file of eager) {
    for (const { path, kind, external: isExternal } of outputs[file]?.imports ?? []) {
      if (kind === 'import-statement' && !isExternal) eager.add(path);
    }
  }
  const eagerCode = Buffer.concat([...eager].map((file) => code.get(file) ?? new Uint8Array()));
  const lazyFiles = [...code.keys()].filter((file) => !eager.has(file));
  /** @type {Record<string, number>} */
  const modules = {};
  for (const file of eager) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]?.inputs ?? {})) modules[input] = bytesInOutput;
  }
  return {
    bytes: eagerCode.length,
    // An empty module still gzips to a 20-byte header; it costs nothing, so say 0.
    gzip: eagerCode.length === 0 ? 0 : gzipSize(eagerCode),
    lazy: {
      bytes: lazyFiles.reduce((total, file) => total + (code.get(file)?.length ?? 0), 0),
      gzip: lazyFiles.reduce((total, file) => total + gzipSize(code.get(file) ?? ''), 0),
      files: Object.fromEntries(lazyFiles.map((file) => [file, gzipSize(code.get(file) ?? '')])),
    },
    modules,
  };
}

/**
 * Gzip size of a built file as it is served.
 * @param {string} file
 * @returns {Promise<{ bytes: number, gzip: number }>}
 */
export async function fileSize(file) {
  const code = await readFile(file);
  return { bytes: code.length, gzip: gzipSize(code) };
}

/**
 * Splits a built bundle's chunks into what loading `entry` fetches at once (the entry and its
 * static imports, transitively) and what it may fetch later through `import()`.
 * @param {string} root
 * @param {string} entry e.g. `dist/cdn/lede.js`
 * @returns {Promise<{ eager: string[], lazy: string[] }>} paths relative to `root`
 */
export async function chunkGraph(root, entry) {
  const folder = entry.slice(0, entry.lastIndexOf('/'));
  const eager = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const source = await readFile(join(root, file), 'utf8');
    // `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; never `import("./x.js")`.
    for (const [, specifier] of source.matchAll(/\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.\/[^"']+)["']/g)) {
      const chunk = `${folder}/${specifier?.slice(2)}`;
      if (!eager.has(chunk)) {
        eager.add(chunk);
        queue.push(chunk);
      }
    }
  }
  const lazy = (await jsFiles(root, folder)).filter((file) => !eager.has(file));
  return { eager: [...eager], lazy };
}

/**
 * The `.js` files under `folder`, recursively, as paths relative to `root` with `/` separators.
 * @param {string} root
 * @param {string} folder
 * @returns {Promise<string[]>}
 */
export async function jsFiles(root, folder) {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * An entry that imports exactly what the built package imports from Lit (named imports, read from
 * `dist/**.js`), so "Lit" means the part of Lit that Lede pulls in, tree-shaken like the rest.
 * @param {string} root
 * @returns {Promise<string>}
 */
export async function litAsUsedEntry(root) {
  /** @type {Map<string, Set<string>>} */
  const names = new Map();
  const files = (await jsFiles(root, 'dist')).filter((file) => !file.startsWith('dist/cdn/'));
  for (const file of files) {
    const source = await readFile(join(root, file), 'utf8');
    for (const [, list, specifier] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']((?:lit|@lit\/)[^"']*)["']/g)) {
      const set = names.get(specifier) ?? new Set();
      for (const item of list.split(',')) {
        const name = item.trim().split(/\s+as\s+/)[0];
        if (name) set.add(name);
      }
      names.set(specifier, set);
    }
  }
  return [...names]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([specifier, set], index) => `export { ${[...set].map((name) => `${name} as _${index}_${name}`).join(', ')} } from '${specifier}';`)
    .join('\n');
}
