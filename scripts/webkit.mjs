// WebKit for the browser tests: Debian's WebKitGTK MiniBrowser, driven over WebDriver (classic) by
// WebKitWebDriver on a virtual X display. The launcher starts Xvfb (on a display it picks itself)
// and WebKitWebDriver (on a free port) when the run starts, and stops both when it ends, however
// it ends: the runner's stop, an error, Ctrl-C or a plain exit.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { freePort } from './free-port.mjs';

/** Processes still running, killed on exit if the runner never got to stop them. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track(child) {
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Resolves when the process has exited, after SIGTERM (SIGKILL if it lingers). */
function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts Xvfb on the first free display; resolves with the process and the display number. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb chooses a free display and writes its number on fd 3 once it accepts clients.
    const child = track(spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
    let stderr = '';
    let number = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (number.includes('\n')) resolve({ child, display: `:${number.trim()}` });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (code ${code}) before it was ready: ${stderr.trim()}`)));
  });
}

/** Starts WebKitWebDriver on a free port; resolves with the process and port once it answers. */
async function startDriver(driver, display) {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = track(spawn(driver, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DISPLAY: display } }));
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    for (let tries = 0; tries < 200 && child.exitCode === null; tries += 1) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { child, port };
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const exit = child.exitCode === null ? 'no answer in 10 s' : `exit code ${child.exitCode}`;
    await stopProcess(child);
    // Another process may have taken the port between freePort() and the driver's bind.
    if (attempt === 3) throw new Error(`${driver} did not start on port ${port} (${exit}) ${stderr.trim()}`.trim());
  }
}

class WebKitLauncher extends WebdriverLauncher {
  /** @param {{ browser: string, driver: string, xvfb: string }} paths */
  constructor(paths) {
    const options = {
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation'] },
      },
    };
    super(options);
    this.driverOptions = options;
    this.paths = paths;
    // One test page at a time, in the window itself: more at once would share it as iframes.
    this.concurrency = 1;
    this.processes = [];
  }

  async initialize(config, testFiles) {
    const names = { browser: 'MiniBrowser', driver: 'WebKitWebDriver', xvfb: 'Xvfb' };
    const missing = Object.entries(this.paths).filter(([, path]) => !path);
    if (missing.length > 0) {
      throw new Error(
        `WebKit tests need ${missing.map(([tool]) => names[tool]).join(' and ')}: install Debian's webkit2gtk-driver and xvfb (node scripts/ensure-browsers.mjs does) or set WEBKIT_PATH / WEBKIT_DRIVER_PATH.`,
      );
    }
    try {
      const xvfb = await startXvfb(this.paths.xvfb);
      this.processes.push(xvfb.child);
      const driver = await startDriver(this.paths.driver, xvfb.display);
      this.processes.push(driver.child);
      this.driverOptions.port = driver.port;
    } catch (error) {
      await this.stopProcesses();
      throw error;
    }
    // The runner's concurrency decides how the base launcher drives pages; this one runs one at a time.
    await super.initialize({ ...config, concurrency: 1 }, testFiles);
    this.name = 'WebKit';
  }

  /**
   * A new MiniBrowser for every test file. WebKitGTK's web process carries what earlier pages
   * made (each media player it ever created makes the next one slower), so one file's videos
   * slowed or froze the files after it; a page that froze also goes with its browser.
   */
  async stopSession(id) {
    try {
      return await super.stopSession(id);
    } finally {
      clearInterval(this.pendingHeartbeat);
      const driver = this.driver;
      this.driver = undefined;
      this.driverManager = undefined;
      await driver?.deleteSession().catch(() => {});
    }
  }

  async stop() {
    await super.stop();
    await this.stopProcesses();
  }

  async stopProcesses() {
    // The driver (and its MiniBrowser) first, then the display they draw on.
    for (const child of this.processes.splice(0).reverse()) await stopProcess(child);
  }
}

/** @param {{ browser: string, driver: string, xvfb: string }} paths */
export function webkitLauncher(paths) {
  return new WebKitLauncher(paths);
}
