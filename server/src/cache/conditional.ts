/**
 * Entity tags and If-None-Match as RFC 9110 (§8.8.3, §13.1.2) has them. The server's tags are
 * weak: a page read while a write commits may be newer than the version its tag names (the
 * version is read first, so never older), so two answers under one tag are equivalent, not
 * always byte for byte the same.
 */

const ENTITY_TAG = /(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"/g;

/** The tag without its weakness: If-None-Match compares weakly. */
const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

export const weakTag = (value: string) => `W/"${value}"`;

/**
 * Whether If-None-Match names the current representation, whose tag is `current`: `*` (any
 * representation), or a comma-separated list of tags of which one matches weakly. A header
 * that is not either (an unquoted tag) matches nothing, so the full answer is sent.
 */
export function noneMatch(header: string | undefined, current: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const wanted = opaque(current);
  for (const [tag] of header.matchAll(ENTITY_TAG)) if (opaque(tag) === wanted) return true;
  return false;
}
