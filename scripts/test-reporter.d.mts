// Types for test-reporter.mjs, which a Node test imports; web-test-runner's own types describe the arguments.
import type { Reporter } from '@web/test-runner';
export function countLine(sessions: object[]): string;
export function testReporter<T>(options: {
  filter: (session: T) => T;
}): Required<Pick<Reporter, 'start' | 'reportTestFileResults' | 'getTestProgress' | 'stop'>>;
