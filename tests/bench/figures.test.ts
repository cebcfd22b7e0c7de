// The hover figures: a median shows the usual move, the mean also the work done now and then.
import { describe, expect, it } from 'vitest';
import { hoverFigures } from '../../bench/figures.js';

describe('hoverFigures', () => {
  it('keeps work done every few moves out of the median but in the mean', () => {
    // Three moves in four cost 0.03 ms; the fourth also carries a 0.33 ms timer read.
    const moves = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? 0.36 : 0.03));
    const figures = hoverFigures([{ moves, dispatched: 40 }], [{ moves: [0.02], dispatched: 1 }]);
    expect(figures.medianMs).toBe(0.03);
    expect(figures.meanMs).toBeCloseTo(0.1125, 6);
    expect(figures.maxMs).toBe(0.36);
    expect(figures.emptyListenerMedianMs).toBe(0.02);
  });

  it('has no mean without moves', () => {
    expect(hoverFigures([{ moves: [], dispatched: 0 }], null).meanMs).toBeNaN();
  });
});
