// The card's look, adopted into our shadow root as a constructed style sheet: the page's CSP
// governs <style> elements and style attributes, not constructed sheets, so it cannot block it.

// card.css as text (minified by build.mjs; as written in unit tests).
import css from './card.css?raw';

/** Gives the shadow root our styles; one sheet is shared by every root of this frame. */
let sheet: CSSStyleSheet | null = null;
export function adoptStyles(root: ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  root.adoptedStyleSheets = [sheet];
}
