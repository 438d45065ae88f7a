// Dev-server routes the browser tests use to see real HTTP failures: a status of choice, a
// response that never comes (the element's timeout must end it), a file served late, and a file
// whose first requests fail.
const hanging = new Set();
/** Requests seen per `flaky` key, so each test picks a fresh key and counts start at 0. */
const attempts = new Map();

export function testApi() {
  return async (context, next) => {
    const status = /^\/test-api\/status\/(\d{3})$/.exec(context.path);
    if (status) {
      context.status = Number(status[1]);
      context.body = { error: 'test' };
      return;
    }
    // /test-api/delay/<ms>/<path>: <path> from the dev server, <ms> milliseconds late.
    const delay = /^\/test-api\/delay\/(\d+)(\/.*)$/.exec(context.path);
    if (delay) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(delay[1]), 20000)));
      context.url = delay[2];
      return next();
    }
    // /test-api/flaky/<key>/<failures>/<path>: HTTP 503 for the first <failures> requests of <key>, then <path>.
    const flaky = /^\/test-api\/flaky\/([\w-]+)\/(\d+)(\/.*)$/.exec(context.path);
    if (flaky) {
      const seen = (attempts.get(flaky[1]) ?? 0) + 1;
      attempts.set(flaky[1], seen);
      context.set('X-Attempt', String(seen));
      if (seen <= Number(flaky[2])) {
        context.status = 503;
        context.body = { error: 'test' };
        return;
      }
      context.url = flaky[3];
      return next();
    }
    if (context.path === '/test-api/hang') {
      // Answer after 30 s at the latest so the dev server can always shut down.
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 30000);
        hanging.add(timer);
        context.req.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      context.status = 504;
      return;
    }
    return next();
  };
}
