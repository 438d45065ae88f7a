// Framework typings for every element, generated from custom-elements.json into dist/types/ by
// `npm run build` (after `cem analyze`). @wc-toolkit/jsx-types writes elements.d.ts: each element's
// properties, attributes and `on…` event handlers with their docs. The files in types/ map those
// into one framework each (React, Preact, Solid, Vue, Svelte) and are copied beside it.
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';

const outdir = 'dist/types';
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);

// The generator imports the element classes but not the event classes the handlers name (set by
// the lede-typed-events plugin in custom-elements-manifest.config.mjs); they are imported below.
const eventClasses = [...new Set(elements.flatMap((element) => (element.events ?? []).map((event) => event.type?.text)))];
if (eventClasses.some((name) => !/^Lede\w+Event$/.test(name ?? ''))) throw new Error(`An element event has no Lede event class: ${eventClasses}`);

// The generator takes every Lit class for an element and imports all its module exports, so it
// gets the manifest without the shared base class's module (its members are already listed,
// inherited, on every element).
const tagless = (module) => (module.declarations ?? []).some((declaration) => declaration.customElement && !declaration.tagName);
const generatorInput = { ...manifest, modules: manifest.modules.filter((module) => !tagless(module)) };

// It logs nothing and returns nothing when it fails, so check that it returned what it wrote.
if (!generateJsxTypes(generatorInput, { outdir, fileName: 'elements.d.ts', globalTypePath: '../index.js' })) {
  throw new Error('@wc-toolkit/jsx-types generated nothing from custom-elements.json');
}
const file = `${outdir}/elements.d.ts`;
const generated = moveImportsToOwnEntries(readFileSync(file, 'utf8'));

/**
 * The generator imports every class from the root entry, but elements for moderators live in an
 * entry of their own (`lede-elements/moderation.js`), never in the root: import those from there.
 * @param {string} text
 */
function moveImportsToOwnEntries(text) {
  const exportsOf = (path) => new Set((manifest.modules.find((module) => module.path === path)?.exports ?? []).map((entry) => entry.name));
  const root = exportsOf('src/index.ts');
  const entries = manifest.modules.filter((module) => /^src\/[\w-]+\.ts$/.test(module.path) && module.path !== 'src/cdn.ts');
  const elsewhere = elements
    .map(({ name }) => name)
    .filter((name) => !root.has(name))
    .map((name) => [name, entries.find((module) => exportsOf(module.path).has(name))?.path]);
  let result = text;
  for (const [name, path] of elsewhere) {
    if (!path) throw new Error(`${name} is exported by no package entry`);
    result = result.replace(new RegExp(`^  ${name},\n`, 'm'), '');
    result = `import type { ${name} } from "../${path.slice('src/'.length, -'.ts'.length)}.js";\n${result}`;
  }
  return result;
}

// Its output ends by putting the elements into every JSX framework's namespace at once (React, Preact,
// Solid, Qwik, Stencil, Hono, the global JSX…); types/ does that one framework per file instead.
const end = generated.search(/^declare module /m);
if (end < 0) throw new Error(`${file}: the generator's output changed; no framework declarations found`);

const byTag = elements.map(({ tagName, name }) => `  "${tagName}": { element: ${name}; props: ${name}Props; solidProps: ${name}SolidJsProps };`).join('\n');

writeFileSync(
  file,
  `import type { ${eventClasses.join(', ')} } from "../index.js";\n` +
    generated.slice(0, end) +
    `/** Each element's class and props, by tag: what the per-framework typings beside this file map. */\n` +
    `export interface LedeElementTypes {\n${byTag}\n}\n`,
);
cpSync('types', outdir, { recursive: true });
