// Bundled into the card test page (tests/e2e/fixtures/card.html): renders the context card
// with the extension's own builder, strings and styles, in an OPEN shadow root so axe-core can
// scan what the closed one hides. `?topic=<id>` picks the topic; `&expand` opens every disclosure.

import { buildContextCard } from '../../../src/content/tooltip/content.js';
import { adoptStyles } from '../../../src/content/tooltip/styles.js';
import { topicContext } from '../../../src/core/statements.js';
import { dataset } from '../../../src/data/dataset.js';
import { english } from '../../content/tooltip/english.js';

const params = new URLSearchParams(location.search);
const context = topicContext(dataset, params.get('topic') ?? 'epaa');
if (context) {
  const host = document.createElement('context-lens-ui');
  host.style.display = 'block';
  host.style.margin = '16px';
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  const live = document.createElement('div');
  live.className = 'live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.textContent = english('contextAnnounceMention', ['2', '7', context.topic.name]);
  const card = buildContextCard(document, context, english);
  root.append(live, card);
  document.body.append(host);
  if (params.has('expand')) {
    for (const button of card.querySelectorAll<HTMLButtonElement>(
      'button[aria-expanded="false"]',
    )) {
      button.click();
    }
  }
  host.dataset.ready = 'true';
}
