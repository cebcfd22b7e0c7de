// Runs first in every frame (its own content script at document_start, and again as the first
// import of content.js): shields the content script's globals from the page's DOM.
//
// Chrome's isolated world keeps its own JS globals, yet the page's named elements show through
// the window's named properties. When the world is created after the page has parsed, Chrome's
// bindings take `<form id="chrome">` for an existing `chrome` object (its `<input name="runtime">`
// then hides `chrome.runtime`), and `<form id="browser">` passes for the native `browser` that
// webextension-polyfill looks for. Running at document_start creates the world, and with it real
// `chrome` and `browser` globals, before any such element exists; where Chrome has no native
// `browser`, an own property keeps the polyfill from ever taking a form for it. Firefox's
// content-script sandbox does not see named properties at all.
if (__BROWSER__ === 'chrome' && !Object.hasOwn(globalThis, 'browser')) {
  Object.defineProperty(globalThis, 'browser', { value: undefined, writable: true });
}

export {};
