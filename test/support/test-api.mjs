// Dev-server routes the browser tests use to see real HTTP failures: a status of choice and a
// response that never comes (the element's timeout must end it).
const hanging = new Set();

export function testApi() {
  return async (context, next) => {
    const status = /^\/test-api\/status\/(\d{3})$/.exec(context.path);
    if (status) {
      context.status = Number(status[1]);
      context.body = { error: 'test' };
      return;
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
