// Options: the sites where annotation is off, as a list of rules with Remove buttons, and a
// field to add one, validated before it is stored ("a" is refused, not matched everywhere).
import { parseSiteRule, type SiteRuleProblem } from '../core/site-rules.js';
import { el } from '../shared/dom.js';
import { type MessageKey, t } from '../shared/i18n.js';
import { MAX_SITE_RULES, type Settings } from '../shared/settings.js';

const problems: Record<SiteRuleProblem, MessageKey> = {
  empty: 'optionsRuleEmpty',
  'too-long': 'optionsRuleTooLong',
  'not-a-site': 'optionsRuleNotASite',
  'bad-pattern': 'optionsRuleBadPattern',
};

export function siteRulesField(save: (change: Partial<Settings>) => void) {
  let rules: readonly string[] = [];
  const input = el('input', {
    attrs: {
      type: 'text',
      id: 'rule-input',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'rule-hint rule-error',
    },
  });
  const error = el('p', { className: 'error', attrs: { id: 'rule-error', 'aria-live': 'polite' } });
  const list = el('ul', { className: 'rules', attrs: { 'aria-labelledby': 'rules-legend' } });
  const empty = el('p', { className: 'hint', text: t('optionsRulesEmpty') });

  const form = el(
    'form',
    { className: 'add-rule' },
    el('label', { text: t('optionsRuleLabel'), attrs: { for: 'rule-input' } }),
    input,
    el('button', { text: t('optionsRuleAdd'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = parseSiteRule(input.value);
    if (!parsed.ok) {
      error.textContent = t(problems[parsed.problem]);
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    if (rules.length >= MAX_SITE_RULES) {
      error.textContent = t('optionsRuleTooMany', [String(MAX_SITE_RULES)]);
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.value = '';
    if (!rules.includes(parsed.rule)) save({ siteRules: [...rules, parsed.rule] });
  });

  const element = el(
    'fieldset',
    { className: 'site-rules' },
    el('legend', { text: t('optionsRulesLegend'), attrs: { id: 'rules-legend' } }),
    el('p', { className: 'hint', text: t('optionsRulesHint'), attrs: { id: 'rule-hint' } }),
    form,
    error,
    empty,
    list,
  );

  return {
    element,
    show(settings: Settings) {
      rules = settings.siteRules;
      empty.hidden = rules.length > 0;
      list.replaceChildren(
        ...rules.map((rule) => {
          const remove = el('button', {
            text: t('optionsRuleRemove'),
            attrs: { type: 'button', 'aria-label': t('optionsRuleRemoveLabel', [rule]) },
          });
          remove.addEventListener('click', () => {
            save({ siteRules: rules.filter((r) => r !== rule) });
            input.focus();
          });
          return el('li', {}, el('code', { text: rule }), remove);
        }),
      );
    },
  };
}
