// Options: how mentions are drawn (underline or background) and how long the pointer rests on
// one before its context opens.
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import {
  type HighlightStyle,
  HOVER_DELAY_MAX,
  HOVER_DELAY_MIN,
  type Settings,
} from '../shared/settings.js';

const styles: {
  value: HighlightStyle;
  label: 'optionsStyleUnderline' | 'optionsStyleBackground';
}[] = [
  { value: 'underline', label: 'optionsStyleUnderline' },
  { value: 'background', label: 'optionsStyleBackground' },
];

export function lookField(save: (change: Partial<Settings>) => void) {
  const radios = styles.map(({ value, label }) => {
    const id = `style-${value}`;
    const radio = el('input', { attrs: { type: 'radio', name: 'style', id, value } });
    radio.addEventListener('change', () => radio.checked && save({ highlightStyle: value }));
    return {
      radio,
      item: el('li', {}, radio, el('label', { text: t(label), attrs: { for: id } })),
    };
  });
  const delay = el('input', {
    attrs: {
      type: 'number',
      id: 'hover-delay',
      min: String(HOVER_DELAY_MIN),
      max: String(HOVER_DELAY_MAX),
      step: '50',
      inputmode: 'numeric',
    },
  });
  delay.addEventListener('change', () => {
    const value = Math.round(Number(delay.value));
    if (!Number.isFinite(value) || delay.value === '') return;
    save({ hoverDelayMs: Math.max(HOVER_DELAY_MIN, Math.min(HOVER_DELAY_MAX, value)) });
  });
  const element = el(
    'div',
    {},
    el(
      'fieldset',
      { className: 'style' },
      el('legend', { text: t('optionsStyleLegend') }),
      el('ul', { className: 'plain' }, ...radios.map((r) => r.item)),
    ),
    el(
      'fieldset',
      { className: 'delay' },
      el('legend', { text: t('optionsDelayLegend') }),
      el('label', { text: t('optionsDelayLabel'), attrs: { for: 'hover-delay' } }),
      el('span', { className: 'with-unit' }, delay, el('span', { text: t('optionsDelayUnit') })),
      el('p', {
        className: 'hint',
        text: t('optionsDelayHint', [String(HOVER_DELAY_MIN), String(HOVER_DELAY_MAX)]),
      }),
    ),
  );
  return {
    element,
    show(settings: Settings) {
      for (const { radio } of radios) radio.checked = radio.value === settings.highlightStyle;
      if (delay.ownerDocument.activeElement !== delay) delay.value = String(settings.hoverDelayMs);
    },
  };
}
