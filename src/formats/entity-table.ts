/**
 * The `entities` package's HTML entity table, for decoding where there is no document (Node, a
 * worker): loaded only there, so pages never download its 13 kB. Loaded with Node's own
 * `require` (Node ≥ 20.19 requires ES modules), never by a top-level await: WebKit let a module
 * that imported this one run before the await settled when fifty elements loaded the feed readers
 * at once ("Cannot access uninitialized variable"), and a top-level await also turns off the
 * bundler's chunk merging. The CDN file builds with `no-entity-table.ts` in its place.
 * @module
 */
type Decode = (text: string) => string;
type NodeModules = { createRequire(url: string): (id: string) => unknown };

function nodeTable(): Decode | undefined {
  if (typeof document !== 'undefined') return undefined;
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const modules = process?.getBuiltinModule?.('node:module') as NodeModules | undefined;
  return modules ? (modules.createRequire(import.meta.url)('entities/decode') as { decodeHTML: Decode }).decodeHTML : undefined;
}

export const tableDecode = nodeTable();
