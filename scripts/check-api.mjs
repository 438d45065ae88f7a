// `npm run check:api`: the package's public API, entry by entry, against the reports committed in
// etc/ (api-extractor on the declarations in dist/; run `npm run build` first). An export added or
// removed by accident fails here; `npm run check:api -- --update` rewrites the reports to commit.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const base = ExtractorConfig.loadFile(join(root, 'api-extractor.json'));
if (update) mkdirSync(join(root, 'etc'), { recursive: true });

let failed = 0;
for (const [subpath, target] of Object.entries(pkg.exports)) {
  // Entries with JavaScript; the framework typings (types-only) describe the elements' attributes.
  if (typeof target === 'string' || !target.default?.endsWith('.js')) continue;
  const name = subpath === '.' ? 'lede-elements' : `lede-elements.${subpath.slice(2).replace(/\.js$/, '').replaceAll('/', '-')}`;
  const config = ExtractorConfig.prepare({
    configObject: { ...base, mainEntryPointFilePath: join(root, target.types), apiReport: { ...base.apiReport, reportFileName: `${name}.api.md` } },
    configObjectFullPath: join(root, 'api-extractor.json'),
    packageJsonFullPath: join(root, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (!result.succeeded) {
    failed += 1;
    console.error(
      `${subpath}: ${result.apiReportChanged ? `the API differs from etc/${name}.api.md` : 'api-extractor failed'} (${result.errorCount} errors, ${result.warningCount} warnings)`,
    );
  } else console.log(`${subpath}: ${result.apiReportChanged ? `etc/${name}.api.md updated` : `matches etc/${name}.api.md`}`);
}
if (failed) {
  console.error('\nIf the change is meant, run `npm run check:api -- --update` and commit etc/*.api.md.');
  process.exitCode = 1;
}
