// Runs first in every frame (its own content script at document_start, and again as the first
// import of content.js): shields the content script's globals from the page's DOM.
//
// Chrome's isolated world keeps its own JS globals, yet the page's named elements show through
// the window's named properties. When the world is created after the page has parsed, Chrome's
// bindings take `<form id="chrome">` for an existing `chrome` object (its `<input name="runtime">`
// then hides `chrome.runtime`). Running at document_start creates the world, and with it a real
// `chrome` global, before any such element exists. (The Chrome build never reads `browser`, so a
// `<form id="browser">` is nothing to it.) Firefox's content-script sandbox does not see named
// properties at all.

export {};
