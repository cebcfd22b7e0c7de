// Content script entry: wires detection, presentation and messaging for this frame.
import { compileRules } from '../core/rules.js';
import { dataset } from '../data/dataset.js';
import { Annotator } from './annotator.js';
import { connectMessaging } from './messaging.js';
import { createPresenter, type Presenter } from './presenter.js';

const lifetime = new AbortController();
let presenter: Presenter | null = null;
const annotator = new Annotator(document, compileRules(dataset.topics), (node) =>
  Boolean(presenter?.owns(node)),
);
presenter = createPresenter(annotator);
connectMessaging(annotator, presenter, lifetime.signal);
annotator.start();
