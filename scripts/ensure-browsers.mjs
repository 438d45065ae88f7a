// Makes sure the browser tests have their browsers: installs Debian's packages when this process
// can (root with apt-get), otherwise stops with one line saying what to install or set.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { browserPaths, debianPackages, pathVariables, wantedBrowsers } from './browsers.mjs';

const wanted = wantedBrowsers();
const missing = wanted.filter((name) => !browserPaths()[name]);

if (missing.length > 0) {
  const packages = missing.flatMap((name) => debianPackages[name]);
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    const vars = missing.map((name) => pathVariables[name]).join(' / ');
    console.error(
      `Browser tests need ${missing.join(' and ')}: install Debian's ${packages.join(' ')} (apt-get install ${packages.join(' ')}) or set ${vars}.`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian's ${packages.join(' ')} for the browser tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  const stillMissing = wanted.filter((name) => !browserPaths()[name]);
  if (stillMissing.length > 0) {
    console.error(
      `Installed ${packages.join(' ')} but found no ${stillMissing.join(' or ')} executable; set ${stillMissing.map((name) => pathVariables[name]).join(' / ')}.`,
    );
    process.exit(1);
  }
}
