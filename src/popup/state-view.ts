// The popup's messages for the states without a list: reading the page, nothing found, the
// site switched off, a page no extension may read, no access to the site, nothing running.
import { browser } from '../shared/browser-api.js';
import { el } from '../shared/dom.js';
import { type MessageKey, t } from '../shared/i18n.js';
import { requestAccess, type Unanswered } from './access.js';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-mentions' }
  | { kind: 'switched-off'; host: string }
  | Unanswered;

function message(kind: string, title: string, ...body: (Node | string)[]): HTMLElement {
  return el(
    'section',
    { className: 'state', attrs: { 'data-state': kind, role: 'status' } },
    el('h2', { text: title }),
    ...body,
  );
}

function paragraph(key: MessageKey, substitutions?: string[]): HTMLElement {
  return el('p', { text: t(key, substitutions) });
}

function button(text: string, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const node = el('button', { className: 'primary', text, attrs: { type: 'button' } });
  node.addEventListener('click', () => onClick(node));
  return node;
}

export function stateView(state: PopupState, tabId: number, onAccess: () => void): HTMLElement {
  switch (state.kind) {
    case 'loading':
      return message(state.kind, t('popupLoading'));
    case 'no-mentions':
      return message(state.kind, t('popupNoMentionsTitle'), paragraph('popupNoMentions'));
    case 'switched-off':
      return message(
        state.kind,
        t('popupSwitchedOffTitle', [state.host]),
        paragraph('popupSwitchedOff'),
      );
    case 'restricted':
      return message(state.kind, t('popupRestrictedTitle'), paragraph('popupRestricted'));
    case 'not-running':
      return message(
        state.kind,
        t('popupNotRunningTitle'),
        paragraph('popupNotRunning'),
        button(t('popupReload'), () => void browser.tabs.reload(tabId).then(onAccess, onAccess)),
      );
    case 'no-access': {
      const origins = state.origins;
      const ask = button(
        state.host ? t('popupAllowSite', [state.host]) : t('popupAllowAllSites'),
        // permissions.request needs the click's user activation: call it before any await.
        () => void requestAccess(tabId, origins).then((granted) => granted && onAccess()),
      );
      return message(
        state.kind,
        t('popupNoAccessTitle'),
        paragraph(state.host ? 'popupNoAccessSite' : 'popupNoAccessUnknown'),
        ask,
      );
    }
  }
}
