// Part of `npm run build`: copies the moderation console, the CDN build of <lede-moderation>
// (dist/cdn/moderation.js in lede-elements, with the chunks it loads), into dist/console, which
// lede-server serves at /admin/. The server's first build in CI comes before the elements'
// build, so a missing console is a warning here; the server then answers /admin/ with a 503
// that names this step.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';

const from = new URL('../../dist/cdn/', import.meta.url);
const to = new URL('../dist/console/', import.meta.url);

if (existsSync(new URL('moderation.js', from))) {
  mkdirSync(to, { recursive: true });
  const scripts = readdirSync(from).filter((file) => file.endsWith('.js'));
  for (const file of scripts) copyFileSync(new URL(file, from), new URL(file, to));
  console.log(`lede-server: copied the moderation console (${scripts.length} files) into dist/console.`);
} else {
  console.warn(
    'lede-server: ../dist/cdn/moderation.js is not built, so /admin/ will answer 503: run `npm run build` at the repository root, then build lede-server again.',
  );
}
