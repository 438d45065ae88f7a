/**
 * Marks the JSON-LD script `<lede-article>` writes, so it is updated in place and never read back
 * as input. A module of its own: the element and its lazily loaded writer both need it, and
 * neither should pull in the other's code.
 */
export const generatedJsonLdAttribute = 'data-lede-generated';
