/**
 * A Vite plugin that minifies the text of Lit's tagged template literals, which no JavaScript
 * minifier touches. In `html` (and `svg`) templates a run of white space that contains a line break
 * becomes one line break: HTML treats it like any white space, so rendering is unchanged; spaces
 * within a line (the ones text depends on) are left as written. In `css` templates comments go and
 * white space is cut to what CSS needs, quoted strings kept. A source map follows the edits.
 */
import MagicString from 'magic-string';
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

const quoted = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`;
/** Comments and white space between CSS tokens, quoted strings first so their insides stay. */
const cssGap = new RegExp(`(${quoted})|(?:\\s|/\\*[\\s\\S]*?\\*/)+`, 'g');
/** A `;` before `}`, and a space CSS does not need: beside `{ } ; , >`, after `:`. */
const cssSpare = new RegExp(`(${quoted})|;(?= ?})| ?([{};,>]) ?|(:) `, 'g');

/**
 * One static part of a `css` template: `first` and `last` say whether it starts or ends the
 * template (rather than meeting a `${…}`), where leading and trailing white space can go too.
 */
export function minifyCss(text: string, first = true, last = true): string {
  let result = text
    .replace(cssGap, (_match, string?: string) => string ?? ' ')
    .replace(cssSpare, (_match, string?: string, punctuation?: string, colon?: string) => string ?? punctuation ?? colon ?? '');
  if (first) result = result.replace(/^ /, '');
  if (last) result = result.replace(/ $/, '');
  return result;
}

/** The replacement of each static part of every tagged template in `code`, in source order. */
function templateEdits(code: string): { from: number; to: number; text: string }[] {
  const edits: { from: number; to: number; text: string }[] = [];
  // Nested templates are matched too; their static parts never overlap their parent's.
  for (const match of code.matchAll(templateTag)) {
    const isCss = match[0] === 'css`';
    const start = match.index + match[0].length;
    scanTemplate(code, start, (from, to) => {
      const part = code.slice(from, to);
      const text = isCss ? minifyCss(part, from === start, code[to] === '`') : part.replace(/[ \t]*\n\s*/g, '\n');
      if (text !== part) edits.push({ from, to, text });
    });
  }
  return edits.sort((a, b) => a.from - b.from);
}

/** The code with the static parts of its tagged templates minified. */
export function minifyTemplates(code: string): string {
  let result = '';
  let last = 0;
  for (const { from, to, text } of templateEdits(code)) {
    result += code.slice(last, from) + text;
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
      const edited = new MagicString(code);
      for (const { from, to, text } of templateEdits(code)) edited.overwrite(from, to, text);
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
    },
  };
}
