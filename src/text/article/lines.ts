/**
 * Stages 1 and 2 of `parseArticleText`: normalise the text into lines, then segment the lines
 * into blocks (paragraphs), dropping advertising labels and section breaks.
 * @module
 */

/** A run of consecutive non-blank lines, each already whitespace-normalised. */
export type Block = string[];

/** A line longer than this means the text is not hard-wrapped, so its newlines end paragraphs. */
const MAX_WRAPPED_LINE_LENGTH = 100;

export function toLines(text: string): string[] {
  const unified = replaceEach(text, /\r\n?|[\u2028\u2029]/g, '\n');
  // Control characters other than newline and tab are binary junk; make them plain spaces.
  return replaceEach(unified, /[^\P{Cc}\n\t]/gu, ' ')
    .split('\n')
    .map(collapseWhitespace);
}

/** `text` with each run of white space as one plain space, trimmed. */
export function collapseWhitespace(text: string): string {
  // Only runs that are not already one plain space: most text then has nothing to replace.
  return replaceEach(text, /\s{2,}|[^\S ]/g, ' ').trim();
}

/**
 * `text` with every match of the global `pattern` replaced by `by`. A loop, not
 * `String.prototype.replace`: V8's replace slows down superlinearly once a string has some
 * hundred thousand matches (12× for one doubling, 500 kB to 1 MB of "<a "); the loop stays linear.
 */
function replaceEach(text: string, pattern: RegExp, by: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    parts.push(text.slice(copied, match.index));
    copied = pattern.lastIndex;
  }
  pattern.lastIndex = 0;
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join(by);
}

/**
 * Groups lines into blocks on blank lines. Text without any blank line has one block a line,
 * and so does a block with a line too long to be hard-wrapped.
 */
export function splitBlocks(lines: string[]): Block[] {
  const content = lines.filter((line) => !isFurnitureLine(line) || line === '');
  const first = content.findIndex((line) => line !== '');
  const last = content.findLastIndex((line) => line !== '');
  if (first < 0) return [];
  const trimmed = content.slice(first, last + 1);
  if (!trimmed.includes('')) return trimmed.map((line) => [line]);

  const blocks: Block[] = [];
  let current: Block = [];
  for (const line of trimmed) {
    if (line !== '') {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  blocks.push(current);
  return blocks.flatMap((block) => (block.some((line) => line.length > MAX_WRAPPED_LINE_LENGTH) ? block.map((line) => [line]) : [block]));
}

/** Advertising labels and section breaks ("* * *"): never content, wherever they are. */
function isFurnitureLine(line: string): boolean {
  if (line.length > 60) return false;
  return (
    /^(?:advertisement|advertising|ad|sponsored(?: content)?|story continues below(?: advertisement)?|scroll to continue(?: with content)?)$/i.test(line) ||
    /^[-*_•#~=](?: ?[-*_•#~=]){2,}$/.test(line)
  );
}

export function blockText(block: Block): string {
  return block.join(' ');
}
