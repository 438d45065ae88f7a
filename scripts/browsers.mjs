// Where the test browsers live: Debian's packages unless CHROME_PATH / FIREFOX_PATH say otherwise.
import { existsSync } from 'node:fs';

const candidates = {
  chromium: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

/** Debian package that provides each browser. */
export const debianPackages = { chromium: 'chromium', firefox: 'firefox-esr' };

/** The first existing executable for each browser, or undefined. */
export function browserPaths() {
  const found = {};
  for (const [name, list] of Object.entries(candidates)) {
    found[name] = list.find((path) => path && existsSync(path));
  }
  return found;
}

/** Chromium flags for headless runs here: root needs --no-sandbox; the rest keeps it off a network this machine does not have. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
