/**
 * The `entities` package's HTML entity table, for decoding where there is no document (Node, a
 * worker): loaded only there, so pages never download its 13 kB. The CDN file, which needs a
 * document anyway, builds with `no-entity-table.ts` in its place: a top-level await anywhere in
 * its graph turns off the bundler's chunk merging (vite.config.ts).
 * @module
 */
export const tableDecode = typeof document === 'undefined' ? (await import('entities/decode')).decodeHTML : undefined;
