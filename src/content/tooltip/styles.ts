// The card's look, adopted into our shadow root as a constructed style sheet: the page's CSP
// governs <style> elements and style attributes, not constructed sheets, so it cannot block it.

const css = `
:host { color-scheme: light dark; }
[hidden] { display: none !important; }

.card, .live {
  all: initial;
  box-sizing: border-box;
}
.card *, .card *::before, .card *::after { box-sizing: border-box; }

.live {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

.card {
  --ink: #1b1f24;
  --muted: #555e69;
  --paper: #ffffff;
  --rule: #d7dce2;
  --tint: #f3f5f8;
  --accent: #0b5cad;
  --topic: #6b7280;
  --line: solid;
  /* After "all: initial", which resets it: scrollbars and controls follow the scheme too. */
  color-scheme: light dark;
  display: flex;
  flex-direction: column;
  width: max-content;
  max-width: min(27em, calc(100vw - 16px));
  max-height: min(32em, calc(100vh - 16px));
  overflow: hidden;
  border: 1px solid var(--rule);
  border-top: 4px solid var(--topic);
  border-radius: 10px;
  background: var(--paper);
  color: var(--ink);
  box-shadow: 0 10px 30px rgb(16 24 40 / 0.18), 0 2px 6px rgb(16 24 40 / 0.12);
  font: normal 400 medium/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 0.9375em;
  text-align: start;
  animation: appear 120ms ease-out;
}
.card[data-topic="epaa"] { --topic: #b35c00; --line: solid; }
.card[data-topic="jta"] { --topic: #0072b2; --line: dashed; }
.card[data-topic="nato-md"] { --topic: #007a5a; --line: dotted; }
.card:focus { outline: none; }

@keyframes appear {
  from { opacity: 0; transform: translateY(-3px); }
  to { opacity: 1; transform: none; }
}
@media (prefers-reduced-motion: reduce) {
  .card { animation: none; }
}

.head {
  display: flex;
  align-items: center;
  gap: 0.55em;
  padding: 0.7em 0.6em 0.25em 1em;
}
.swatch {
  flex: none;
  width: 1.6em;
  height: 0;
  border-bottom: 3px var(--line) var(--topic);
}
.title {
  flex: 1;
  margin: 0;
  font-size: 1.15em;
  font-weight: 700;
  line-height: 1.25;
}
.close {
  flex: none;
  display: grid;
  place-items: center;
  width: 1.9em;
  height: 1.9em;
  margin: 0;
  padding: 0;
  border: 1px solid transparent;
  border-radius: 6px;
  background: transparent;
  color: var(--muted);
  font: inherit;
  font-size: 1.15em;
  line-height: 1;
  cursor: pointer;
}
.close:hover { background: var(--tint); color: var(--ink); }

.body {
  overflow: auto;
  overscroll-behavior: contain;
  padding: 0 1em 0.9em;
  border-radius: 0 0 9px 9px;
  scrollbar-width: thin;
  scrollbar-color: var(--muted) transparent;
}
.body:focus { outline: none; }
.body:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.expansion { margin: 0; color: var(--muted); font-weight: 600; }
.description { margin: 0.45em 0 0; }
.section {
  margin: 0.9em 0 0.4em;
  padding-top: 0.7em;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 0.95em;
  font-weight: 700;
  letter-spacing: 0.05em;
  /* Small capitals look like a label yet keep the words as written for screen readers. */
  font-variant-caps: all-small-caps;
}

.statements { margin: 0; padding: 0; list-style: none; }
.statement { margin: 0; padding: 0.55em 0; }
.statement + .statement { border-top: 1px solid var(--rule); }
.statement p, .quote { margin: 0; }
.quote blockquote {
  margin: 0;
  padding: 0.1em 0 0.1em 0.75em;
  border-inline-start: 3px solid var(--topic);
  font-style: italic;
}
.speaker { margin-top: 0.2em; color: var(--muted); font-size: 0.9em; }
.when, .events-label, .events {
  margin: 0.3em 0 0;
  color: var(--muted);
  font-size: 0.88em;
}
.date { color: var(--ink); font-weight: 600; font-variant-numeric: tabular-nums; }
.undated { font-style: italic; }
.date-words {
  display: block;
  margin: 0.3em 0 0;
  padding: 0.35em 0.6em;
  border-radius: 6px;
  background: var(--tint);
  color: var(--ink);
}
.date-words .note { color: var(--muted); }
.events-label { margin-bottom: 0; }
.events { margin-top: 0.1em; padding-inline-start: 1.2em; }
.event-title { color: var(--ink); }

.link {
  margin: 0;
  padding: 0;
  border: 0;
  background: none;
  color: var(--accent);
  font: inherit;
  text-decoration: underline;
  text-underline-offset: 0.15em;
  cursor: pointer;
}
.link:hover { text-decoration-thickness: 2px; }
.more { margin: 0.5em 0 0; color: var(--muted); font-size: 0.92em; }
.more-list { margin-top: 0.4em; border-top: 1px solid var(--rule); }
.source {
  margin: 0.8em 0 0;
  padding-top: 0.6em;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 0.82em;
}

button:focus-visible {
  outline: 2px solid var(--accent);
  outline-offset: 2px;
  border-radius: 3px;
}

@media (prefers-color-scheme: dark) {
  .card {
    --ink: #e8eaed;
    --muted: #a9b1bb;
    --paper: #1e2227;
    --rule: #3a4049;
    --tint: #2a3038;
    --accent: #8ab8ff;
    box-shadow: 0 10px 30px rgb(0 0 0 / 0.5), 0 2px 6px rgb(0 0 0 / 0.4);
  }
  .card[data-topic="epaa"] { --topic: #f0a030; }
  .card[data-topic="jta"] { --topic: #56b4e9; }
  .card[data-topic="nato-md"] { --topic: #3cc49a; }
}

@media (forced-colors: active) {
  .card { border: 2px solid CanvasText; box-shadow: none; }
  .swatch, .quote blockquote { border-color: CanvasText; }
  .close { border-color: ButtonText; }
  .link { color: LinkText; }
  .date-words { border: 1px solid CanvasText; }
}
`;

/** Gives the shadow root our styles; one sheet is shared by every root of this frame. */
let sheet: CSSStyleSheet | null = null;
export function adoptStyles(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  root.adoptedStyleSheets = [sheet];
}
