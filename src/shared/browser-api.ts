// The one seam for the WebExtension API: every module imports `browser` from here, never from
// the polyfill, so tests can replace it and the polyfill is loaded in one place.
import browser from 'webextension-polyfill';

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
