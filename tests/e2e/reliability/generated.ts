// Pages too big to commit, generated at test time and served by a route: a 10 MB text node,
// a million text nodes, nesting 10,000 deep, a ticker, and a hundred frames of every kind.

const filler = 'The quick brown fox jumps over the lazy dog while the river runs on. ';

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/** One paragraph whose single text node holds 10 MB, with a mention at its start, middle and end. */
export function tenMegabyteTextNode(): string {
  const half = filler.repeat(Math.ceil(5_000_000 / filler.length));
  return page(
    'A 10 MB text node',
    `<p>NATO missile defense at the start. ${half} NATO missile defense in the middle. ${half} NATO missile defense at the end.</p>`,
  );
}

/** A million text nodes (50,000 paragraphs of 20), with a mention before and after them. */
export function millionTextNodes(): string {
  const row = `<p>${'a<b>b</b>c<i>d</i>'.repeat(5)}</p>`;
  return page(
    'A million text nodes',
    `<p>NATO missile defense at the start.</p>${row.repeat(50_000)}<p>NATO missile defense at the end.</p>`,
  );
}

/**
 * Elements nested `depth` deep (built by script: HTML parsers flatten deep nesting), inline
 * (spans in one paragraph) and as blocks (divs), each with a mention at the bottom. The chain's
 * elements are `display: contents`: Chromium cannot lay out thousands of nested boxes in any
 * reasonable time, with or without an extension, while the DOM depth, which is what the
 * extension walks, stays the same.
 */
export function deepNesting(depth: number): string {
  const script = `<script>
  const build = (parent, tag) => {
    let node = parent;
    for (let i = 0; i < ${depth}; i++) {
      node = node.appendChild(document.createElement(tag));
      node.className = 'chain';
    }
    return node.appendChild(document.createElement(tag));
  };
  build(document.getElementById('inline'), 'span').textContent = 'NATO missile defense, deep inline.';
  build(document.getElementById('blocks'), 'div').textContent = 'The Joint Threat Assessment, deep in blocks.';
</script>`;
  return page(
    'Deep nesting',
    `<p id="inline">Start: </p><div id="blocks"></div>${script}`,
    '<style>.chain { display: contents; }</style>',
  );
}

/**
 * A ticker changing a text node 60 times a second inside a large paragraph full of mentions, so
 * every change makes the whole paragraph worth reading again. `window.ticker.stop()` ends it on
 * its next even tick.
 */
export function ticker(): string {
  const sentence = 'NATO missile defense was discussed again. ';
  const script = `<script>
  const clock = document.getElementById('clock').firstChild;
  let tick = 0;
  let stopping = false;
  const timer = setInterval(() => {
    tick++;
    clock.data = tick % 2 === 0 ? 'even' : 'odd';
    if (stopping && tick % 2 === 0) clearInterval(timer);
  }, 1000 / 60);
  window.ticker = { stop: () => { stopping = true; }, ticks: () => tick };
</script>`;
  return page(
    'Ticker',
    `<p>${filler.repeat(1500)}${sentence.repeat(400)}<span id="clock">even</span> ${sentence.repeat(100)}</p>${script}`,
  );
}

/** 100 frames: same-origin, cross-origin, sandboxed and srcdoc, 25 of each. */
export function hundredFrames(otherOrigin: string): string {
  const frames: string[] = [];
  for (let i = 0; i < 20; i++) {
    frames.push(`<iframe src="/e2e/reliability/frame.html?same=${i}" title="same ${i}"></iframe>`);
    frames.push(
      `<iframe src="${otherOrigin}/e2e/reliability/frame.html?cross=${i}" title="cross ${i}"></iframe>`,
    );
    frames.push(
      `<iframe sandbox src="/e2e/reliability/frame.html?sandboxed=${i}" title="sandboxed ${i}"></iframe>`,
    );
    frames.push(
      `<iframe srcdoc="&lt;p&gt;The Joint Threat Assessment, in srcdoc ${i}.&lt;/p&gt;" title="srcdoc ${i}"></iframe>`,
    );
    frames.push(`<iframe class="blank" title="blank ${i}"></iframe>`);
  }
  // about:blank frames get their text from the page's script, as ad and widget frames do.
  const fill = `<script>for (const frame of document.querySelectorAll('iframe.blank')) {
  const p = frame.contentDocument.createElement('p');
  p.textContent = 'The Joint Threat Assessment, in an about:blank frame.';
  frame.contentDocument.body.append(p);
}</script>`;
  return page(
    'A hundred frames',
    `<p>The European Phased Adaptive Approach (EPAA) is the US contribution to NATO missile defense.</p>${frames.join('')}${fill}`,
  );
}
