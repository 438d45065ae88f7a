// Builds every app in examples/ the way a user's app would be built: against the packed package
// (what npm publishes), installed from its tarball, with the app's own toolchain. Each app's
// `build` type-checks (tsc, vue-tsc) before bundling, so a typing or packaging regression fails
// here. Run after `npm run build`; CI does. Nothing is left behind: the work happens in a temp dir.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2); // optional: names of the examples to check
const examples = readdirSync(join(root, 'examples')).filter((name) => only.length === 0 || only.includes(name));

if (!existsSync(join(root, 'dist/types/react.d.ts'))) {
  console.error('check-examples: dist/ is not built; run `npm run build` first.');
  process.exit(1);
}

function run(command, args, cwd) {
  console.log(`\n$ ${command} ${args.join(' ')}   (${cwd})`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

const temp = mkdtempSync(join(tmpdir(), 'lede-examples-'));
try {
  const pack = (args) => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', ...args, '--json', '--pack-destination', temp], { cwd: root, encoding: 'utf8' }));
    console.log(`Packed ${packed.name}@${packed.version}: ${packed.entryCount} files`);
    return join(temp, packed.filename);
  };
  const tarball = pack([]);
  // lede-elements depends on lede-protocol, which is not published yet: it comes from its tarball too.
  const protocolTarball = pack(['-w', 'lede-protocol']);

  for (const name of examples) {
    const app = join(temp, name);
    cpSync(join(root, 'examples', name), app, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist|package-lock\.json)$/.test(source),
    });
    const manifestPath = join(app, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.dependencies['lede-elements'] = `file:${tarball}`;
    manifest.dependencies['lede-protocol'] = `file:${protocolTarball}`;
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

    run('npm', ['install', '--no-audit', '--no-fund'], app);
    run('npm', ['run', 'build'], app);
    console.log(`\nexamples/${name}: built and type-checked against the packed package`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
