// The content script's side of the messaging protocol. (Placeholder until the popup work lands.)
import type { Annotator } from './annotator.js';
import type { Presenter } from './presenter.js';

export function connectMessaging(
  _annotator: Annotator,
  _presenter: Presenter,
  _signal: AbortSignal,
): void {}
