// Brings a mention into view for the keyboard and the popup: nested scroll boxes first, then the
// window, so the mention sits in the upper part of the screen with room for its dialog below.
// The jump is instant: smooth scrolling would move the mention while its dialog is placed.

/** Where the mention's top should land, as a share of the viewport's height. */
const TARGET_SHARE = 0.3;

export function scrollToRange(range: Range): void {
  const win = range.startContainer.ownerDocument?.defaultView;
  const element = range.startContainer.parentElement;
  if (!win || !element) return;
  element.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  const height = win.innerHeight;
  const comfortable = rect.top >= height * 0.1 && rect.bottom <= height * 0.6;
  if (!comfortable) {
    win.scrollBy({ top: rect.top - height * TARGET_SHARE, behavior: 'instant' });
  }
  if (rect.left < 0 || rect.right > win.innerWidth) {
    win.scrollBy({ left: rect.left - win.innerWidth / 2, behavior: 'instant' });
  }
}
