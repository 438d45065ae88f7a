// The failures the browser tests cause on purpose, so the report leaves them out while showing
// every other browser warning and 404:
// - requests to /test-api/ routes that exist to fail (test/support/test-api.mjs): their 404s, and
//   the elements' "The request for /test-api/… failed with HTTP …" warnings;
// - answers the fault proxy makes up (test/support/comment-server.mjs), whose message is "Injected <status>.";
// - timeouts and dropped connections, whose warnings name no URL: left out only for a test page
//   (a web-test-runner session) that asked for a hang, a fault or a stopped server first.

/** Session ids (`wtr-session-id`) of test pages that broke their network on purpose. */
const sessionsThatBreakTheNetwork = new Set();

const breaksTheNetwork = /^\/test-api\/(hang$|comments\/[\w-]+\/(fault|stop)$)/;

/** Dev-server middleware that notes which test page asks for a hang, a fault or a stopped server. */
export function noteDeliberateFailures() {
  return (context, next) => {
    if (breaksTheNetwork.test(context.path)) {
      const page = new URL(context.get('referer') || '/', 'http://localhost');
      const session = page.searchParams.get('wtr-session-id');
      if (session) sessionsThatBreakTheNetwork.add(session);
    }
    return next();
  };
}

const warnings = {
  // Always on purpose.
  anywhere: [/^lede-[a-z-]+: The request for \/test-api\/\S+ failed with HTTP \d{3}\.$/, /^lede-[a-z-]+: Injected \d{3}\.$/],
  // Chromium, Firefox and WebKit's words for a dropped connection, and the elements' timeout.
  afterBreakingTheNetwork: [/^lede-[a-z-]+: (The request timed out\.|Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed)$/],
};

/** The session without the warnings and 404s its tests caused on purpose. */
export function withoutExpectedFailures(session) {
  const expected = [...warnings.anywhere, ...(sessionsThatBreakTheNetwork.has(session.id) ? warnings.afterBreakingTheNetwork : [])];
  const isExpected = (args) => args.length === 1 && typeof args[0] === 'string' && expected.some((pattern) => pattern.test(args[0]));
  return {
    ...session,
    logs: session.logs.filter((args) => !isExpected(args)),
    request404s: session.request404s.filter((path) => !path.startsWith('test-api/')),
  };
}
