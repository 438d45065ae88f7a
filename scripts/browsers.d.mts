// Types for browsers.mjs, which the TypeScript demo tests import.
export type BrowserName = 'chromium' | 'firefox';
export const debianPackages: Record<BrowserName, string>;
export function browserPaths(): Partial<Record<BrowserName, string>>;
export const chromiumArgs: string[];
