// Content script entry: wires detection, presentation, settings and messaging for this frame.
import './guard.js';
import { rulesFromPlan } from '../core/rules.js';
import { rulePlan } from '../data/rule-plan.js';
import { browser } from '../shared/browser-api.js';
import { Annotator } from './annotator.js';
import { CountsReporter } from './counts-reporter.js';
import { connectMessaging } from './messaging.js';
import { watchForOrphaning } from './orphan-watch.js';
import { createPresenter, type Presenter } from './presenter.js';
import { applySettings } from './settings-apply.js';

const lifetime = new AbortController();
let presenter: Presenter | null = null;
const annotator = new Annotator(document, rulesFromPlan(rulePlan), (node) =>
  Boolean(presenter?.owns(node)),
);
presenter = createPresenter(annotator);
const tearDown = () => {
  lifetime.abort();
  annotator.stop();
  presenter?.dispose();
};
watchForOrphaning(annotator.store, () => Boolean(browser.runtime?.id), tearDown, lifetime.signal);
let siteEnabled = () => false;
const reporter = new CountsReporter(
  annotator.store,
  () => siteEnabled(),
  tearDown,
  lifetime.signal,
);
void applySettings(annotator, presenter, () => reporter.sendNow(), lifetime.signal).then((site) => {
  siteEnabled = () => site.siteEnabled;
  connectMessaging(annotator, presenter, site, reporter, lifetime.signal);
  reporter.sendNow();
});
window.addEventListener('pageshow', (event) => event.persisted && reporter.sendNow(), {
  signal: lifetime.signal,
});
