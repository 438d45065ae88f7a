import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplates } from '../../scripts/minify-templates.js';

test('folds indentation in html and css templates, nested ones too', () => {
  const source = 'const a = html`<p>\n    ${x ? html`<b>\n   y</b>` : nothing}\n   <i>a  b</i>\n  </p>`;\nconst s = css`\n  :host {\n    color: red;\n  }\n`;';
  assert.equal(
    minifyTemplates(source),
    'const a = html`<p>\n${x ? html`<b>\ny</b>` : nothing}\n<i>a  b</i>\n</p>`;\nconst s = css`\n:host {\ncolor: red;\n}\n`;',
  );
});

test('leaves untagged templates, strings with backticks and braces in expressions alone', () => {
  const source = "const t = `keep\n   me`; const q = '`'; const r = html`${'}'}\n  z${\"`\"}`; const u = `and\n   me`;";
  assert.equal(minifyTemplates(source), "const t = `keep\n   me`; const q = '`'; const r = html`${'}'}\nz${\"`\"}`; const u = `and\n   me`;");
});

test('keeps spaces within a line, which text depends on', () => {
  assert.equal(minifyTemplates('html`${by} ${names}  x`'), 'html`${by} ${names}  x`');
});
