// Every string the extension shows comes from the locale files through here; the key type is
// read from the English messages, so a misspelt key does not compile.
import { browser } from './browser-api.js';

export type MessageKey = keyof typeof import('../../assets/_locales/en/messages.json');

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** The language the browser's interface uses, for Intl formatting next to our strings. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage() || 'en';
}
