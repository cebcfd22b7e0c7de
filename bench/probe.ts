// Code the benchmark runs inside pages: the highlight watcher and the appending of content (in the
// page's own world), the floor and mark.js (in an isolated world in Chromium, as a content script
// would run them). Each function is serialised into the page, so each stands alone.

export interface HighlightState {
  /** performance.now() of the first frame that showed one of our highlights (-1: none yet). */
  first: number;
  lastChange: number;
  total: number;
}

/** Installed before the page loads: each animation frame, sums the sizes of our highlights. */
export function watchHighlights(): void {
  const state = { first: -1, lastChange: -1, total: 0 };
  Object.assign(window, { __benchHighlights: state });
  const frame = () => {
    let total = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('context-lens-') && name !== 'context-lens-current') {
        total += highlight.size;
      }
    });
    if (total !== state.total) {
      if (state.first < 0) {
        state.first = performance.now();
        performance.mark('bench:first-highlight');
      }
      state.total = total;
      state.lastChange = performance.now();
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export function highlightState(): HighlightState {
  const state = (window as unknown as { __benchHighlights?: HighlightState }).__benchHighlights;
  return state ? { ...state } : { first: -1, lastChange: -1, total: 0 };
}

export interface FloorResult {
  ms: number;
  textNodes: number;
  hits: number;
}

/** The floor: every text node of <body>, its text read and tested by one regular expression. */
export function runFloor(source: string): FloorResult {
  const pattern = new RegExp(source, 'i');
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let hits = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes++;
    if (pattern.test((node as Text).data)) hits++;
  }
  return { ms: performance.now() - started, textNodes, hits };
}

/** mark.js (loaded into the page beforehand) marking the same expression across elements. */
export function runMarkJs(source: string): { ms: number; marks: number } {
  type MarkJs = new (
    context: Element,
  ) => {
    markRegExp(pattern: RegExp, options: { acrossElements: boolean; done(n: number): void }): void;
  };
  const Mark = (window as unknown as { Mark: MarkJs }).Mark;
  let marks = -1;
  const started = performance.now();
  new Mark(document.body).markRegExp(new RegExp(source, 'gi'), {
    acrossElements: true,
    done: (n) => {
      marks = n;
    },
  });
  return { ms: performance.now() - started, marks };
}

/** Appends each burst of HTML at the end of <main> (or <body>), `gapMs` apart, as a live page does. */
export async function appendBursts(bursts: readonly string[], gapMs: number): Promise<number> {
  const target = document.querySelector('main') ?? document.body;
  for (const html of bursts) {
    // The page itself adds markup here, as a news site loads more stories; this is not extension code.
    target.insertAdjacentHTML('beforeend', html);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return bursts.length;
}
