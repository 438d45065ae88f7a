// The checks every hostile-input test makes on a page full of elements fed the corpus
// (test/fixtures/hostile/corpus.ts): the canary never runs, no script-scheme URL is rendered as a
// link or source, no handler or active element survives, no page error, and every element shows
// its content or an error state it announced with `lede-error`.
import { expect, waitUntil } from '@open-wc/testing';
import { hostileCorpus } from '../fixtures/hostile/corpus.js';

type Canary = { __ledeCanary?: () => void };

/** The corpus in slices of `size`, each vector of `hugeFrom` characters or more in a slice of its own. */
export function batches(size: number, hugeFrom = Infinity): string[][] {
  const huge = hostileCorpus.filter((vector) => vector.length >= hugeFrom).map((vector) => [vector]);
  const rest = hostileCorpus.filter((vector) => vector.length < hugeFrom);
  const slices: string[][] = [];
  for (let start = 0; start < rest.length; start += size) slices.push(rest.slice(start, start + size));
  return [...slices, ...huge];
}

/**
 * WebKitGTK (the MiniBrowser the WebKit tests drive) pays dearly for every `<video controls>` and
 * `<audio controls>`, and more for each new one, removed or not: its media controls are scripted
 * per element. Measured in a fresh page: 75 players with controls 11 s, the next 75 17 s, the
 * next 23 s; the same 75 without controls 1 s. Under CI's load, 25 articles of 3 players each
 * took over 30 s, so media paths there run a sample, in small batches, in a file of their own.
 */
export const mediaCostGrows = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Firefox/.test(navigator.userAgent);

/** A vector shaped like a URL: a scheme however disguised (entities, escapes, controls), or a network path. */
const urlShaped = (vector: string) => /^(?:[a-z&%][\w+.\-\s&#;%]*:|\/\/|\\\\)/i.test(vector.replace(/^[\s\p{Cc}\p{Cf}]+/u, ''));

/**
 * The vectors a media source is tested against where `mediaCostGrows`: every URL-shaped one (a
 * player's `src` is where they matter) and every `step`th of the rest, shorter than `under`, in
 * batches of `size`.
 */
export function mediaSample(size: number, step: number, under: number): string[][] {
  const sample = hostileCorpus.filter((vector, index) => vector.length < under && (urlShaped(vector) || index % step === 0));
  const slices: string[][] = [];
  for (let start = 0; start < sample.length; start += size) slices.push(sample.slice(start, start + size));
  return slices;
}

let canaryCalls: string[] = [];
let pageErrors: string[] = [];
const onError = (event: ErrorEvent) => pageErrors.push(`error: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) => pageErrors.push(`unhandledrejection: ${String(event.reason)}`);

/**
 * Sets up the page for a hostile suite: the canary, error listeners, and a `<base>` that sends the
 * data's relative URLs to a route answering 204, not to the dev server's files (as 404s).
 */
export function hostilePage(): void {
  const base = document.createElement('base');
  base.href = '/test-api/void/';
  before(() => {
    document.head.prepend(base);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    base.remove();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  beforeEach(() => {
    canaryCalls = [];
    pageErrors = [];
    (window as Canary).__ledeCanary = () => canaryCalls.push(new Error().stack ?? 'called');
  });
}

const urlAttributes = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'xlink:href',
  'background',
  'ping',
  'cite',
  'data',
  'lowsrc',
  'dynsrc',
  'codebase',
];
const scriptSchemes = new Set(['javascript:', 'data:', 'vbscript:']);
/** Elements that run, load or redirect something; only an article's JSON-LD may be a script. */
const activeElements = 'script:not([type="application/ld+json"]), iframe, frame, frameset, object, embed, applet, base, meta, link';

/** The URLs an attribute value names (srcset and ping hold several). */
function urlsOf(name: string, value: string): string[] {
  if (name === 'srcset') return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
  if (name === 'ping') return value.split(/\s+/);
  return [value];
}

/** What must never be in a rendered tree, as "tag@attribute=value" strings: nothing, when all is well. */
export function dangers(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName;
    if (element.matches(activeElements)) found.push(`<${tag}>`);
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name)!;
      const show = () => `${tag}@${name}=${value.slice(0, 80)}`;
      if (/^on/i.test(name)) found.push(show());
      if (name === 'style' && /javascript:|vbscript:|expression\s*\(|url\s*\(/i.test(value)) found.push(show());
      if (!urlAttributes.includes(name)) continue;
      for (const url of urlsOf(name, value)) {
        let protocol = '';
        try {
          protocol = new URL(url, document.baseURI).protocol;
        } catch {
          continue; // Not a URL: nothing to follow or load.
        }
        if (scriptSchemes.has(protocol)) found.push(show());
      }
    }
    if (element.shadowRoot) found.push(...dangers(element.shadowRoot));
  }
  return found;
}

/** Lets handlers, image errors, timers and idle work that any surviving payload scheduled run. */
const aMoment = () => new Promise((resolve) => setTimeout(resolve, 150));

/** What a host shows: its content ("content"), its error state ("error"), or anything else (a failure). */
export type Usable = (host: HTMLElement) => string;

/**
 * Mounts the hosts, waits until each is `settled`, then checks the whole page; answers how many
 * hosts showed each state.
 */
export async function check(hosts: HTMLElement[], settled: (host: HTMLElement) => boolean, usable: Usable, timeout = 8000): Promise<Record<string, number>> {
  const errorEvents = new Set<HTMLElement>();
  const container = document.createElement('div');
  for (const host of hosts) host.addEventListener('lede-error', () => errorEvents.add(host));
  container.append(...hosts);
  document.body.append(container);
  try {
    await waitUntil(() => hosts.every((host) => settled(host)), 'the elements did not settle', { timeout });
    await aMoment();
    expect(canaryCalls, 'the canary ran').to.deep.equal([]);
    expect(typeof (window as Canary).__ledeCanary, 'the canary was clobbered').to.equal('function');
    expect(pageErrors, 'page errors').to.deep.equal([]);
    expect(dangers(container), 'dangerous markup').to.deep.equal([]);
    const states: Record<string, number> = {};
    hosts.forEach((host, index) => {
      const state = usable(host);
      // An error state is fine for bad data, as long as the element said why.
      const ok = state === 'content' || (state === 'error' && errorEvents.has(host));
      expect(ok, `host ${index} is ${state}${state === 'error' ? ' without a lede-error' : ''}`).to.equal(true);
      states[state] = (states[state] ?? 0) + 1;
    });
    return states;
  } finally {
    container.remove();
  }
}
