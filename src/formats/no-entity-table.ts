/**
 * `entity-table.ts` for the CDN file, which runs only in a document: the platform's parser decodes.
 * @module
 */
export const tableDecode: ((text: string) => string) | undefined = undefined;
