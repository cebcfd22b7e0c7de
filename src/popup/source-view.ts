// The citation of the article every statement comes from, and a way to the settings.
import type { ShippedSource as Source } from '../data/schema.js';
import { browser } from '../shared/browser-api.js';
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

export function footerView(sources: readonly Source[]): HTMLElement {
  const citations = sources.map((source) =>
    el('p', {
      className: 'citation',
      text: t('popupSource', [source.title, source.publisher, source.author, String(source.year)]),
    }),
  );
  const settings = el('button', {
    className: 'link-button',
    text: t('popupOpenSettings'),
    attrs: { type: 'button' },
  });
  settings.addEventListener('click', () => void browser.runtime.openOptionsPage());
  return el('footer', { className: 'source' }, ...citations, settings);
}
