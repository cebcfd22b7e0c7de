// The UI strings the tooltip and dialog show, looked up in the extension's locale files; the
// builder takes the lookup as a function so tests can render it without the extension API.
import { browser } from '../../shared/browser-api.js';

export type ContextMessageKey =
  | 'contextClose'
  | 'contextStatementsHeading'
  | 'contextUndated'
  | 'contextDateWords'
  | 'contextDateSays'
  | 'contextDateFrom'
  | 'contextEvents'
  | 'contextMoreStatements'
  | 'contextShowMore'
  | 'contextShowFewer'
  | 'contextSource'
  | 'contextQuoteBy'
  | 'contextAnnounceMention'
  | 'contextDateLocale';

export type Messages = (key: ContextMessageKey, substitutions?: string[]) => string;

export const extensionMessages: Messages = (key, substitutions) =>
  browser.i18n.getMessage(key, substitutions);
