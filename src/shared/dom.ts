// Builds the extension pages' DOM with createElement and textContent only: no HTML string is
// ever parsed, so no text from a page or from storage can become markup.

interface Props {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: (Node | string)[]): void {
  parent.replaceChildren(...children);
}
