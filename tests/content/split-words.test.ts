// Words split by markup: the word at each end of a text node, and the word carried across nodes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingWord, trailingWord, WordCarry } from '../../src/content/split-words.js';

describe('the words at the ends of a text node', () => {
  it('takes letters, digits, marks, apostrophes and invisibles, and stops at anything else', () => {
    expect(leadingWord('E\u00ADP’s\u200Bé\u0301 plan')).toBe('E\u00ADP’s\u200Bé\u0301');
    expect(trailingWord('the EP')).toBe('EP');
    expect(trailingWord('la défense_2')).toBe('défense_2');
    expect(trailingWord('ends. ')).toBe('');
    expect(leadingWord('-AA')).toBe('');
    expect(leadingWord('')).toBe('');
  });

  it('agrees with the word-character class on any text (the ASCII lookup included)', () => {
    const wordPart = /[\p{L}\p{N}\p{M}\p{Pc}'\u2019\u00AD\u200B-\u200D\u2060\uFEFF]/u;
    const chars = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0x2fff }),
      fc.constantFrom(0x2019, 0xad, 0x200b, 0xfeff, 0x301),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (codes) => {
        const text = String.fromCharCode(...codes);
        const parts = [...text].map((ch) => ch.length === 1 && wordPart.test(ch));
        const lead = parts.indexOf(false);
        const trail = parts.lastIndexOf(false);
        expect(leadingWord(text)).toBe(lead < 0 ? text : text.slice(0, lead));
        expect(trailingWord(text)).toBe(text.slice(trail + 1));
      }),
      { numRuns: 500 },
    );
  });
});

describe('WordCarry', () => {
  it('gives the word a node goes on with, across nodes that are all word', () => {
    const carry = new WordCarry();
    expect(['the E', 'P', '', 'A', 'A plan', ' then'].map((t) => carry.next(t))).toEqual([
      '',
      'E',
      '',
      'EP',
      'EPA',
      '',
    ]);
  });

  it('carries what cutting every node at once would, on any run of nodes', () => {
    const piece = fc.stringMatching(/^[a-zA-Zé’\u00AD .,-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const carry = new WordCarry();
        let carried = '';
        for (const data of pieces) {
          const lead = carried ? leadingWord(data) : '';
          expect(carry.next(data)).toBe(lead !== '' ? carried : '');
          carried = lead.length === data.length ? (carried + data).slice(-64) : trailingWord(data);
        }
      }),
      { numRuns: 500 },
    );
  });
});
