import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates } from '../../scripts/minify-templates.js';

test('folds indentation in html templates, nested ones too, and minifies css ones', () => {
  const source = 'const a = html`<p>\n    ${x ? html`<b>\n   y</b>` : nothing}\n   <i>a  b</i>\n  </p>`;\nconst s = css`\n  :host {\n    color: red;\n  }\n`;';
  assert.equal(minifyTemplates(source), 'const a = html`<p>\n${x ? html`<b>\ny</b>` : nothing}\n<i>a  b</i>\n</p>`;\nconst s = css`:host{color:red}`;');
});

test('css: drops comments and spare white space, keeps strings, descendant combinators and calc() spaces', () => {
  const source =
    "css`\n  /* Why. */\n  :host(:lang(ar)) .body > p ,\n  a::after {\n    content: ' ▾ ;}';\n    margin: calc(1rem + 2px) 0;\n  }\n  @media (width >= 40rem) {\n    p { color: red; }\n  }\n`";
  assert.equal(
    minifyTemplates(source),
    "css`:host(:lang(ar)) .body>p,a::after{content:' ▾ ;}';margin:calc(1rem + 2px) 0}@media (width>= 40rem){p{color:red}}`",
  );
});

test('css: keeps the space that meets an interpolation where CSS needs it', () => {
  assert.equal(minifyTemplates('css`\n  .a ${x} {\n    color: ${y};\n  }\n  ${z} .b { top: 0 }\n`'), 'css`.a ${x}{color:${y}}${z} .b{top:0}`');
});

test('leaves untagged templates, strings with backticks and braces in expressions alone', () => {
  const source = "const t = `keep\n   me`; const q = '`'; const r = html`${'}'}\n  z${\"`\"}`; const u = `and\n   me`;";
  assert.equal(minifyTemplates(source), "const t = `keep\n   me`; const q = '`'; const r = html`${'}'}\nz${\"`\"}`; const u = `and\n   me`;");
});

test('keeps spaces within a line, which text depends on', () => {
  assert.equal(minifyTemplates('html`${by} ${names}  x`'), 'html`${by} ${names}  x`');
});
