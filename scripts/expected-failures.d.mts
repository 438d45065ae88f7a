// Types for expected-failures.mjs, which a Node test imports.
interface Session {
  id: string;
  logs: unknown[][];
  request404s: string[];
}
type Middleware = (context: { path: string; get(header: string): string }, next: () => Promise<unknown>) => Promise<unknown>;
export function noteDeliberateFailures(): Middleware;
export function withoutExpectedFailures<T extends Session>(session: T): T;
