/**
 * A Vite plugin that folds the indentation inside Lit's `html` and `css` template literals, which
 * no JavaScript minifier touches. A run of white space that contains a line break becomes one
 * line break: HTML and CSS treat it like any white space, so rendering is unchanged; spaces within
 * a line (the ones text depends on) are left as written; line numbers stay as they were.
 */
import type { Plugin } from 'vite';

const templateTag = /\b(?:html|css|svg|staticHtml)`/g;

/** Index just past the string literal that starts at `start` (a quote character). */
function skipString(code: string, start: number): number {
  const quote = code[start];
  let index = start + 1;
  while (index < code.length && code[index] !== quote) index += code[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** Index just past the `}` that closes a `${` expression starting at `start`. */
function skipExpression(code: string, start: number): number {
  let depth = 1;
  let index = start;
  while (index < code.length && depth > 0) {
    const char = code[index];
    if (char === '"' || char === "'") index = skipString(code, index);
    else if (char === '`') index = scanTemplate(code, index + 1, () => undefined);
    else {
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      index += 1;
    }
  }
  return index;
}

/**
 * Walks a template literal whose text starts at `start`, handing each static part's range to
 * `onStatic`, and returns the index just past the closing backtick.
 */
function scanTemplate(code: string, start: number, onStatic: (from: number, to: number) => void): number {
  let partStart = start;
  let index = start;
  while (index < code.length) {
    const char = code[index];
    if (char === '\\') index += 2;
    else if (char === '`') {
      onStatic(partStart, index);
      return index + 1;
    } else if (char === '$' && code[index + 1] === '{') {
      onStatic(partStart, index);
      index = skipExpression(code, index + 2);
      partStart = index;
    } else index += 1;
  }
  return index;
}

/** The code with the static parts of its tagged templates folded. */
export function minifyTemplates(code: string): string {
  const edits: [number, number][] = [];
  // Nested templates are matched too; their static parts never overlap their parent's.
  for (const match of code.matchAll(templateTag)) {
    scanTemplate(code, match.index + match[0].length, (from, to) => edits.push([from, to]));
  }
  edits.sort((a, b) => a[0] - b[0]);
  let result = '';
  let last = 0;
  for (const [from, to] of edits) {
    result += code.slice(last, from) + code.slice(from, to).replace(/[ \t]*\n\s*/g, '\n');
    last = to;
  }
  return result + code.slice(last);
}

export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'lede-minify-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !templateTag.test(code)) return undefined;
      templateTag.lastIndex = 0;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
