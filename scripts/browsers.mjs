// Where the test browsers live: Debian's packages unless CHROME_PATH / FIREFOX_PATH / WEBKIT_PATH
// (with WEBKIT_DRIVER_PATH) say otherwise.
import { existsSync, readdirSync } from 'node:fs';

/** Debian's multiarch library directories (/usr/lib/x86_64-linux-gnu, …). */
function libDirs() {
  const entries = existsSync('/usr/lib') ? readdirSync('/usr/lib') : [];
  return entries.filter((name) => name.endsWith('-linux-gnu')).map((name) => `/usr/lib/${name}`);
}

const candidates = {
  chromium: [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
  // WebKitGTK's MiniBrowser, shipped in the library package under its multiarch directory.
  webkit: [process.env.WEBKIT_PATH, ...libDirs().flatMap((dir) => ['4.1', '4.0'].map((api) => `${dir}/webkit2gtk-${api}/MiniBrowser`))],
};
/** What WebKit runs with: its WebDriver server and a virtual X display. */
const webkitTools = {
  driver: [process.env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver'],
  xvfb: ['/usr/bin/Xvfb'],
};

/** Debian packages that provide each browser (and what it needs to run here). */
export const debianPackages = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb'] };

/** Environment variables that point at another build of each browser. */
export const pathVariables = { chromium: 'CHROME_PATH', firefox: 'FIREFOX_PATH', webkit: 'WEBKIT_PATH / WEBKIT_DRIVER_PATH' };

/** Every browser the tests know, and the ones this run wants (BROWSERS=chromium,webkit narrows it). */
export const allBrowsers = Object.keys(candidates);
export function wantedBrowsers() {
  return (process.env.BROWSERS ?? allBrowsers.join(',')).split(',').map((name) => name.trim());
}

const first = (list) => list.find((path) => path && existsSync(path));

/** The first existing executable for each browser, or undefined; WebKit counts only with its tools. */
export function browserPaths() {
  const found = {};
  for (const [name, list] of Object.entries(candidates)) found[name] = first(list);
  if (!first(webkitTools.driver) || !first(webkitTools.xvfb)) found.webkit = undefined;
  return found;
}

/** MiniBrowser, WebKitWebDriver and Xvfb, for the WebKit launcher. */
export function webkitPaths() {
  return { browser: first(candidates.webkit), driver: first(webkitTools.driver), xvfb: first(webkitTools.xvfb) };
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
