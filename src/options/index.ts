// Options entry: builds the settings form, shows the stored settings and keeps showing them as
// they change (here, in the popup or in another window); every change is stored at once.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import {
  readSettings,
  resetSettings,
  type Settings,
  watchSettings,
  writeSettings,
} from '../shared/settings.js';
import { lookField } from './look-field.js';
import { siteRulesField } from './site-rules-field.js';
import { topicsField } from './topics-field.js';

const status = el('p', { className: 'status', attrs: { role: 'status' } });
const saved = (settings: Settings) => {
  show(settings);
  status.textContent = t('optionsSaved');
};
const save = (change: Partial<Settings>) => void writeSettings(change).then(saved);

const fields = [topicsField(save), siteRulesField(save), lookField(save)];
const show = (settings: Settings) => {
  for (const field of fields) field.show(settings);
};

const reset = el('button', { text: t('optionsReset'), attrs: { type: 'button' } });
reset.addEventListener('click', () => void resetSettings().then(saved));

document.title = t('optionsTitle');
document.body.append(
  el(
    'main',
    { className: 'options' },
    el('h1', { text: t('optionsTitle') }),
    ...fields.map((f) => f.element),
    el('div', { className: 'actions' }, reset, status),
  ),
);
watchSettings(show);
void readSettings().then(show);
