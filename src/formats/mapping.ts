/**
 * What the schema.org and ninjs mappers share: values read in any of the shapes those formats
 * allow, and plain text split into paragraphs. Pure: no DOM.
 * @module
 */
import type { ArticleBlock } from '../model.js';

/** One value or many, as a list. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A trimmed non-empty string, from a string or a number. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Plain text to paragraphs: blank lines separate paragraphs, single line breaks fold into spaces. */
export function plainTextBlocks(value: string | undefined): ArticleBlock[] | undefined {
  if (!value) return undefined;
  const paragraphs = value
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return paragraphs.length > 0 ? paragraphs.map((paragraph) => ({ type: 'paragraph', text: paragraph })) : undefined;
}
