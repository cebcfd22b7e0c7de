// The English UI strings, looked up the way browser.i18n.getMessage does (named placeholders
// filled from $1…$9), so the card can be rendered outside the extension.
import messages from '../../../assets/_locales/en/messages.json';
import type { ContextMessageKey, Messages } from '../../../src/content/tooltip/messages.js';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const table = messages as Record<string, Entry>;

export const english: Messages = (key: ContextMessageKey, substitutions = []) => {
  const entry = table[key];
  if (!entry) throw new Error(`missing message ${key}`);
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => substitutions[Number(n) - 1] ?? '');
  });
};
