// Part of `npm run build`: copies the moderation console, the CDN build of <lede-moderation>
// (dist/cdn/moderation.js in lede-elements, with the `moderation-….js` chunks it loads; not the
// readers' lede.js beside them), into dist/console, which lede-server serves at /admin/. Build the
// elements first (.ci/run does); a missing console is a warning here, and the server then answers
// /admin/ with a 503 that names this step. Notes go to stderr: `npm pack --json` runs this as
// prepack and would mix stdout into its JSON.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';

const from = new URL('../../dist/cdn/', import.meta.url);
const to = new URL('../dist/console/', import.meta.url);

if (existsSync(new URL('moderation.js', from))) {
  mkdirSync(to, { recursive: true });
  const scripts = readdirSync(from).filter((file) => /^moderation(-[\w.-]+)?\.js$/.test(file));
  for (const file of scripts) copyFileSync(new URL(file, from), new URL(file, to));
  console.error(`lede-server: copied the moderation console (${scripts.length} files) into dist/console.`);
} else {
  console.warn(
    'lede-server: ../dist/cdn/moderation.js is not built, so /admin/ will answer 503: run `npm run build` at the repository root, then build lede-server again.',
  );
}
