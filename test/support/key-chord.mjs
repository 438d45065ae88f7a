// `press-chord`, a test-runner command that presses keys together (Control+Enter) in every test
// browser. @web/test-runner-commands' sendKeys holds a key down only through puppeteer; over
// WebDriver (WebKit) a key action presses each of its keys down before releasing them: a chord.
// The page calls it through test/support/keys.ts.
export function keyChordPlugin() {
  return {
    name: 'lede-key-chord',
    async executeCommand({ command, payload, session }) {
      if (command !== 'press-chord') return undefined;
      const { keys } = /** @type {{ keys: string[] }} */ (payload);
      if (session.browser.type === 'puppeteer') {
        const { keyboard } = session.browser.getPage(session.id);
        for (const key of keys) await keyboard.down(key);
        for (const key of [...keys].reverse()) await keyboard.up(key);
        return true;
      }
      if (session.browser.type === 'webdriver') {
        await session.browser.sendKeys(session.id, keys);
        return true;
      }
      throw new Error(`press-chord does not support ${session.browser.type} browsers`);
    },
  };
}
