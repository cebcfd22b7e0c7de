// Test helper: puts HTML into jsdom's document and scans it as the content script does, with
// the bundled dataset's rules, returning each mention's topic and the exact text it covers.
import { MentionStore } from '../../src/content/mentions.js';
import { PageScanner } from '../../src/content/scanner.js';
import { rulesFromPlan } from '../../src/core/rules.js';
import { rulePlan } from '../../src/data/rule-plan.js';

export const rules = rulesFromPlan(rulePlan);

export interface Found {
  topic: string;
  text: string;
}

/** Replaces jsdom's whole document with the page (its scripts never run). */
export function loadPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = document.importNode(parsed.documentElement, true);
  document.replaceChild(root, document.documentElement);
}

/** Replaces the body's content with `html`. */
export function loadBody(html: string): void {
  loadPage(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
}

export interface Scan {
  store: MentionStore;
  scanner: PageScanner;
  /** Each mention as it stands in the page: topic and the range's text, in document order. */
  found(): Found[];
}

/** Scans `root` (the body by default) with a fresh scanner and store. */
export async function scan(root: Node = document.body): Promise<Scan> {
  const store = new MentionStore();
  const scanner = new PageScanner(rules, store, new AbortController().signal);
  await scanner.scanTree(root);
  return {
    store,
    scanner,
    found: () => store.all().map((m) => ({ topic: m.topic, text: m.range.toString() })),
  };
}

/** Loads `html` as the body and returns what a scan finds. */
export async function mentionsIn(html: string): Promise<Found[]> {
  loadBody(html);
  return (await scan()).found();
}
