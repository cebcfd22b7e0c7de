// Reads the page as blocks of text (paragraphs, headings, list items, cells…): inline markup is
// joined, blocks never are, and text a reader cannot see or that is not prose is left out.

/**
 * Elements that start a block of their own; everything else is inline and joins its block. By
 * local name, which is lower-case for HTML elements in HTML and XHTML documents alike.
 */
// biome-ignore format: a word list reads best packed
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);

/** Subtrees whose text is never prose to annotate. */
// biome-ignore format: a word list reads best packed
const skippedTags = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code',
  'pre', 'kbd', 'samp', 'var', 'iframe', 'object', 'embed', 'canvas', 'math', 'head', 'title',
]);

/**
 * Stands where a nested block or a skipped subtree was, so no term spans it: "NATO <code>x</code>
 * missile defense" does not read as "NATO missile defense".
 */
export const BLOCK_BREAK = '\u0000';

/** Set by the content script: its own UI host, which is never read. */
let ownHost: Element | null = null;
export function setOwnHost(host: Element | null): void {
  ownHost = host;
}

export function isBlock(el: Element): boolean {
  return blockTags.has(el.localName);
}

/** True when the element itself hides or excludes its subtree from reading. */
export function excludesSubtree(el: Element): boolean {
  if (skippedTags.has(el.localName)) return true;
  if (el === ownHost) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when `node` lies inside a subtree that is not read (checked up to its root). */
export function isExcluded(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let el = parentAcrossShadow(node); el; el = parentAcrossShadow(el)) {
    if (excludesSubtree(el)) return true;
  }
  return false;
}

/** True when a block is in the page and neither it nor an ancestor excludes its text. */
export function isReadable(block: Block): boolean {
  if (!block.isConnected) return false;
  const el = block instanceof ShadowRoot ? block.host : block;
  return !excludesSubtree(el) && !isExcluded(el);
}

/** The parent element, stepping from a shadow root's top to its host. */
function parentAcrossShadow(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

export type Block = Element | ShadowRoot;

/** The block a node belongs to: its nearest block ancestor, or the shadow root it hangs from. */
export function blockOf(node: Node): Block | null {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isBlock(el)) return el;
  }
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root : null;
}

export interface BlockText {
  /** The block's text: its text nodes joined, with BLOCK_BREAK where a nested block or skipped subtree stood. */
  text: string;
  nodes: Text[];
  /** Offset in `text` at which each node starts. */
  starts: number[];
}

/** The text of one block, read from its own inline content only. */
export function readBlock(block: Block): BlockText {
  const out: BlockText = { text: '', nodes: [], starts: [] };
  const pieces: string[] = [];
  let length = 0;
  // Iterative, not recursive: pages nest inline elements thousands deep, past the call stack.
  let node: Node | null = block.firstChild;
  while (node && node !== block) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      out.nodes.push(node as Text);
      out.starts.push(length);
      pieces.push(data);
      length += data.length;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (isBlock(el) || excludesSubtree(el)) {
        pieces.push(BLOCK_BREAK);
        length += 1;
      } else {
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== block && !node.nextSibling) node = node.parentNode;
    node = node && node !== block ? node.nextSibling : null;
  }
  out.text = pieces.join('');
  return out;
}

/** Maps an offset of a block's text back to a text node and an offset within it. */
export function pointAt(
  block: BlockText,
  offset: number,
  preferEnd: boolean,
): [Text, number] | null {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid] ?? 0;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = block.nodes[lo];
  const start = block.starts[lo];
  if (!node || start === undefined) return null;
  return [node, Math.min(offset - start, node.data.length)];
}
