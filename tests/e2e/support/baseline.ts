// Proof that the extension leaves a page as it found it: the same page is loaded in a browser
// without the extension, and the serialized DOM of every frame, the page's own errors and the
// requests made are compared. The baseline browser is launched on first need and shared by the
// test file.
import type { ConsoleMessage, Frame, HTTPRequest, Page } from 'puppeteer-core';
import { afterAll } from 'vitest';
import { type BrowserName, launch, type Session } from './browsers.js';

export interface FrameSnapshot {
  url: string;
  /** Two 32-bit FNV-1a hashes of the serialization, so huge documents are compared cheaply. */
  hash: string;
  length: number;
  /** The serialization itself when it is small enough to show in a failure. */
  text: string | null;
}

export interface PageRecord {
  errors: string[];
  requests: string[];
}

/** What a page showed after it ran: its frames' DOM and what it logged and requested. */
export interface PageState {
  record: PageRecord;
  frames: FrameSnapshot[];
}

/** Starts recording a page's own errors, error and warning logs and requests. */
export function recordPage(page: Page, isExtensionUrl: (url: string) => boolean): PageRecord {
  const record: PageRecord = { errors: [], requests: [] };
  page.on('pageerror', (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    record.errors.push(`uncaught: ${text}`);
  });
  page.on('console', (m: ConsoleMessage) => {
    const where = m.location()?.url ?? '';
    // The browser's own favicon request fails on fixture servers whenever it happens to run.
    if (where.endsWith('/favicon.ico')) return;
    if ((m.type() === 'error' || m.type() === 'warn') && !isExtensionUrl(where)) {
      record.errors.push(`${m.type()}: ${m.text()} (${where})`);
    }
  });
  page.on('request', (r: HTTPRequest) => {
    if (/^(?:https?|wss?):/.test(r.url()) && !r.url().endsWith('/favicon.ico')) {
      record.requests.push(r.url());
    }
  });
  return record;
}

/** Serializes the document of the frame it runs in: every node, open shadow roots included. */
function serializeDocument(textLimit: number): Omit<FrameSnapshot, 'url'> {
  const out: string[] = [];
  const stack: (Node | string)[] = [document];
  while (stack.length > 0) {
    const item = stack.pop() as Node | string;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const node = item;
    if (node.nodeType === 1) {
      const el = node as Element;
      const attrs = Array.from(el.attributes, (a) => ` ${a.name}=${JSON.stringify(a.value)}`);
      out.push(`<${el.nodeName}${attrs.join('')}>`);
      stack.push(`</${el.nodeName}>`);
      const children = Array.from(el.childNodes);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
      if (el.shadowRoot) stack.push(el.shadowRoot);
    } else if (node.nodeType === 3 || node.nodeType === 4) {
      out.push(JSON.stringify((node as CharacterData).data));
    } else if (node.nodeType === 8) {
      out.push(`<!--${(node as Comment).data}-->`);
    } else if (node.nodeType === 7) {
      out.push(`<?${(node as ProcessingInstruction).target} ${(node as CharacterData).data}?>`);
    } else if (node.nodeType === 10) {
      out.push(`<!DOCTYPE ${(node as DocumentType).name}>`);
    } else {
      // Documents and shadow roots: only their children count (a shadow root is marked).
      if (node.nodeType === 11) out.push('#shadow-root(');
      if (node.nodeType === 11) stack.push(')');
      const children = Array.from(node.childNodes);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
    }
  }
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  let length = 0;
  for (const piece of out) {
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    length += piece.length;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return { hash: hex(h1) + hex(h2), length, text: length <= textLimit ? out.join('') : null };
}

interface Realm {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms),
    ),
  ]);
}

/**
 * Runs `fn(arg)` in a frame, in puppeteer's isolated world where there is one, so a hostile
 * page's overrides of DOM or JSON methods cannot distort it. Puppeteer now and then never learns
 * of an out-of-process frame's execution contexts: then the frame's main world is tried, and in
 * Chromium the frame's own target over a CDP session of its own (`fn` must be self-contained).
 */
export async function evaluateInFrame<A, R>(
  frame: Frame,
  fn: (arg: A) => R,
  arg: A,
  patienceMs = 5000,
): Promise<R> {
  const isolated = (frame as Frame & { isolatedRealm?: () => Realm }).isolatedRealm?.();
  const main = frame as unknown as Realm;
  return within(patienceMs, (isolated ?? main).evaluate(fn, arg))
    .catch(() => within(3000, main.evaluate(fn, arg)))
    .catch(() => within(10_000, overOwnSession(frame, fn, arg)));
}

async function overOwnSession<A, R>(frame: Frame, fn: (arg: A) => R, arg: A): Promise<R> {
  const target = frame
    .page()
    .browser()
    .targets()
    .find((t) => t.url() === frame.url() && t.type() !== 'page');
  if (!target) throw new Error('no target of its own');
  const cdp = await target.createCDPSession();
  try {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      returnByValue: true,
    });
    return result.value as R;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Snapshots every frame of a page (the top frame may take long to serialize; others not). */
export async function snapshotFrames(page: Page, textLimit = 200_000): Promise<FrameSnapshot[]> {
  const snapshots = await Promise.all(
    page.frames().map(async (frame): Promise<FrameSnapshot> => {
      const patience = frame === page.mainFrame() ? 60_000 : 5000;
      const snapshot = await evaluateInFrame(frame, serializeDocument, textLimit, patience).catch(
        (reason: unknown) => ({
          hash: `unreadable: ${reason instanceof Error ? reason.message.split('\n')[0] : reason}`,
          length: 0,
          text: null,
        }),
      );
      return { url: frame.url(), ...snapshot };
    }),
  );
  return snapshots.sort((a, b) => a.url.localeCompare(b.url) || a.hash.localeCompare(b.hash));
}

/** Human-readable differences between two sets of frame snapshots (empty when equal). */
export function domDifferences(withExtension: FrameSnapshot[], without: FrameSnapshot[]): string[] {
  const key = (s: FrameSnapshot) => `${s.url} ${s.hash}`;
  const baseKeys = without.map(key);
  const problems: string[] = [];
  if (withExtension.length !== without.length) {
    problems.push(`${withExtension.length} frames with the extension, ${without.length} without`);
  }
  for (const snap of withExtension) {
    const at = baseKeys.indexOf(key(snap));
    if (at >= 0) {
      baseKeys.splice(at, 1);
      continue;
    }
    const twin = without.find((b) => b.url === snap.url);
    problems.push(`frame ${snap.url}: DOM differs. ${firstDifference(snap, twin)}`);
  }
  return problems;
}

function firstDifference(a: FrameSnapshot, b: FrameSnapshot | undefined): string {
  if (!b) return 'No such frame without the extension.';
  if (a.text === null || b.text === null) return `Lengths ${a.length} vs ${b.length}.`;
  let i = 0;
  while (i < a.text.length && a.text[i] === b.text[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 120));
  return `With: ${around(a.text)}\n  without: ${around(b.text)}`;
}

/** Everything that differs between a page with the extension and the same page without it. */
export function pageDifferences(withExt: PageState, without: PageState): string[] {
  const problems = domDifferences(withExt.frames, without.frames);
  const errors = [...withExt.record.errors].sort();
  const baseErrors = [...without.record.errors].sort();
  if (errors.join('\n') !== baseErrors.join('\n')) {
    problems.push(
      `page errors differ: with ${JSON.stringify(errors)}, without ${JSON.stringify(baseErrors)}`,
    );
  }
  for (const url of extraItems(withExt.record.requests, without.record.requests)) {
    problems.push(`request made only with the extension: ${url}`);
  }
  return problems;
}

/** Items of `list` that `base` does not account for (a multiset difference). */
function extraItems(list: string[], base: string[]): string[] {
  const rest = [...base];
  return list.filter((item) => {
    const at = rest.indexOf(item);
    if (at < 0) return true;
    rest.splice(at, 1);
    return false;
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens `url` in a fresh tab of the baseline browser, lets it run, and hands the tab to `use`. */
export async function onBaselinePage<R>(
  name: BrowserName,
  url: string,
  waitMs: number,
  use: (page: Page, record: PageRecord) => Promise<R>,
): Promise<R> {
  const baseline = await baselineBrowser(name);
  const page = await baseline.browser.newPage();
  try {
    const record = recordPage(page, () => false);
    await page.goto(url, { waitUntil: 'load' });
    await sleep(waitMs);
    return await use(page, record);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Loads `url` without the extension, runs the same `steps` a test ran on its page, lets it
 * settle for `waitMs`, and records the result.
 */
export function loadWithoutExtension(
  name: BrowserName,
  url: string,
  waitMs: number,
  steps?: (page: Page) => Promise<void>,
): Promise<PageState> {
  return onBaselinePage(name, url, waitMs, async (page, record) => {
    if (steps) {
      await steps(page);
      await sleep(waitMs);
    }
    return { record, frames: await snapshotFrames(page) };
  });
}

const baselines = new Map<BrowserName, Promise<Session>>();
let closeRegistered = false;

/** A browser without the extension, launched on first use and closed after the test file. */
export function baselineBrowser(name: BrowserName): Promise<Session> {
  let session = baselines.get(name);
  if (!session) {
    session = launch(name, { withExtension: false });
    baselines.set(name, session);
  }
  return session;
}

/** Registers, once per test file, the hook that closes the baseline browsers. */
export function closeBaselinesAfterFile(): void {
  if (closeRegistered) return;
  closeRegistered = true;
  afterAll(async () => {
    for (const session of baselines.values()) {
      await session.then((s) => s.browser.close()).catch(() => undefined);
    }
    baselines.clear();
  });
}
