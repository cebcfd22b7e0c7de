// Shows a mention's context: as a tooltip when the pointer rests on the mention, as a dialog
// that takes focus when the keyboard commands or the popup go to it. One card at a time, in our
// own closed shadow root; everything started here ends with `dispose()`.
import { headingFor, type Point } from '../core/placement.js';
import { type TopicContext, topicContext } from '../core/statements.js';
import { dataset } from '../data/dataset.js';
import type { Annotator } from './annotator.js';
import { MentionHitTester } from './hover/hit-test.js';
import { HoverIntent } from './hover/intent.js';
import { type PointerSample, trackPointer } from './hover/pointer.js';
import { MentionNavigator } from './keyboard/navigator.js';
import type { Mention } from './mentions.js';
import { extensionMessages, type Messages } from './tooltip/messages.js';
import { ContextPanel } from './tooltip/panel.js';

export interface Presenter {
  /** Scrolls to mention `index` of the frame's list, marks it current and opens its context. */
  showMention(index: number): boolean;
  /** Moves to the next (+1) or previous (-1) mention, as the keyboard commands do. */
  step(direction: 1 | -1): boolean;
  /** True for nodes of our own UI (never scanned, never counted as page changes). */
  owns(node: Node): boolean;
  setHoverDelay(ms: number): void;
  dispose(): void;
}

const MAX_HOVER_DELAY_MS = 5000;
/** While nothing is open, how late the newest pointer move may be read. */
const QUIET_GAP_MS = 150;

export function createPresenter(annotator: Annotator, t: Messages = extensionMessages): Presenter {
  const lifetime = new AbortController();
  const signal = lifetime.signal;
  const contexts = new Map<string, TopicContext | null>();
  const contextOf = (topic: string) => {
    if (!contexts.has(topic)) contexts.set(topic, topicContext(dataset, topic));
    return contexts.get(topic) ?? null;
  };

  /** The last point on the open mention: where the pointer left it for the tooltip. */
  let exit: Point | null = null;
  const intent = new HoverIntent<Mention>({
    open: (mention, point) => {
      exit = point;
      if (!panel.open(mention, 'hover', point)) intent.forget();
    },
    close: () => {
      if (panel.mode === 'hover' && !panel.hasFocus) panel.close();
    },
  });
  const panel = new ContextPanel(document, contextOf, t, () => intent.forget(), signal);
  const hits = new MentionHitTester(annotator.store, document, (n) => panel.owns(n), signal);

  const onPointer = (sample: PointerSample | null, at: number) => {
    // A dialog opened from the keyboard stays put whatever the pointer does.
    if (panel.mode === 'dialog') return;
    if (!sample) {
      intent.pointerAt(null, { x: -1, y: -1 }, at);
      return;
    }
    const { point, target } = sample;
    if (target && panel.isEventFromUs(target)) {
      intent.pointerOnTooltip();
      return;
    }
    const mention = hits.mentionAt(point, target);
    const open = intent.open;
    if (open && mention === open) exit = point;
    else if (open && exit) {
      const card = panel.rect();
      if (card && headingFor(point, exit, card)) {
        intent.pointerHeadingToTooltip();
        return;
      }
    }
    intent.pointerAt(mention, point, at);
  };
  trackPointer(window, onPointer, signal, {
    // Until a card is open the pointer can only be coming to rest: its moves are read a moment
    // late, at most half the delay (the intent counts the delay from the move itself).
    following: () => intent.open !== null,
    quietGap: () => Math.min(QUIET_GAP_MS, intent.delayMs / 2),
  });

  const navigator = new MentionNavigator(annotator, (mention, index, total) => {
    intent.forget();
    if (!panel.open(mention, 'dialog')) return false;
    const name = contextOf(mention.topic)?.topic.name ?? mention.text;
    panel.announce(t('contextAnnounceMention', [String(index + 1), String(total), name]));
    return true;
  });

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || event.isComposing) return;
      if (panel.mode === null) {
        intent.dismiss();
        return;
      }
      if (panel.mode === 'hover') intent.dismiss();
      panel.close();
      // Esc was ours: the page's own Esc handling (closing its dialogs) must not also run.
      event.preventDefault();
      event.stopPropagation();
    },
    { capture: true, signal },
  );

  const unsubscribe = annotator.store.subscribe((added, removed) => {
    const open = panel.mention;
    if (open && removed.includes(open)) {
      const again = added.find((m) => sameSpot(m, open));
      if (again) {
        panel.retarget(again);
        intent.replaceOpen(again);
      } else {
        panel.close();
      }
    }
    const current = navigator.currentMention;
    if (current && removed.includes(current)) {
      navigator.replaceCurrent(added.find((m) => sameSpot(m, current)) ?? null);
    }
  });

  return {
    showMention: (index) => navigator.show(index),
    step: (direction) => navigator.step(direction),
    owns: (node) => panel.owns(node),
    setHoverDelay: (ms) => {
      intent.delayMs = Math.min(Math.max(0, ms), MAX_HOVER_DELAY_MS);
    },
    dispose: () => {
      unsubscribe();
      intent.forget();
      lifetime.abort();
      navigator.clear();
    },
  };
}

/** A rescan made a new mention of the same words at the same place. */
function sameSpot(a: Mention, b: Mention): boolean {
  if (a.topic !== b.topic || a.text !== b.text) return false;
  try {
    return (
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range) === 0 &&
      a.range.compareBoundaryPoints(Range.END_TO_END, b.range) === 0
    );
  } catch {
    return false;
  }
}
