// Popup entry: finds the tab it describes and draws the page for it.
import { dataset } from '../data/dataset.js';
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { PopupPage } from './page.js';
import { footerView } from './source-view.js';
import { targetTabId } from './target.js';

document.title = t('extensionName');
const root = el('main', { className: 'popup' });
const header = el('header', {}, el('h1', { text: t('extensionName') }));
document.body.append(header, root, footerView(dataset.sources));
void targetTabId(location.search).then((tabId) => {
  if (tabId !== null) void new PopupPage(root, tabId).load();
});
