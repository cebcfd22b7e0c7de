// Settings: validated on every read, field by field (fuzzed: whatever is stored, reading never
// throws and yields valid settings), sync preferred over local, and watched live.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser, type FakeBrowser, settle } from './fake-browser.js';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as never }));
vi.mock('../../src/shared/browser-api.js', () => ({
  get browser() {
    return fake.browser;
  },
}));

const {
  defaults,
  readSettings,
  resetSettings,
  validateSettings,
  watchSettings,
  writeSettings,
  HOVER_DELAY_MAX,
} = await import('../../src/shared/settings.js');
const { parseSiteRule } = await import('../../src/core/site-rules.js');

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

/** True when every field holds a value the extension can use. */
function isValid(settings: typeof defaults): boolean {
  return (
    Array.isArray(settings.disabledTopics) &&
    settings.disabledTopics.every((t) => typeof t === 'string' && /^[a-z0-9-]{1,40}$/.test(t)) &&
    Array.isArray(settings.siteRules) &&
    settings.siteRules.every((r) => {
      const parsed = parseSiteRule(r);
      return parsed.ok && parsed.rule === r;
    }) &&
    (settings.highlightStyle === 'underline' || settings.highlightStyle === 'background') &&
    Number.isInteger(settings.hoverDelayMs) &&
    settings.hoverDelayMs >= 0 &&
    settings.hoverDelayMs <= HOVER_DELAY_MAX
  );
}

describe('validateSettings', () => {
  it('gives the defaults for nothing at all', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}])
      expect(validateSettings(raw)).toEqual(defaults);
  });

  it('falls back per field: a bad field never spoils a good one', () => {
    expect(
      validateSettings({
        disabledTopics: 'jta',
        siteRules: ['example.com'],
        highlightStyle: 'neon',
        hoverDelayMs: 500,
      }),
    ).toEqual({ ...defaults, siteRules: ['example.com'], hoverDelayMs: 500 });
  });

  it('keeps the valid entries of a list and drops the rest, normalised and once each', () => {
    expect(
      validateSettings({ siteRules: ['a', 42, ' Example.COM ', 'example.com', '*://*.x.org/*'] })
        .siteRules,
    ).toEqual(['example.com', '*://*.x.org/*']);
    expect(
      validateSettings({ disabledTopics: ['jta', {}, 'BAD ID', 'epaa'] }).disabledTopics,
    ).toEqual(['jta', 'epaa']);
  });

  it('refuses out-of-range and non-integer delays', () => {
    for (const hoverDelayMs of [-1, 2001, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '300']) {
      expect(validateSettings({ hoverDelayMs }).hoverDelayMs).toBe(defaults.hoverDelayMs);
    }
  });

  it('ignores inherited and foreign keys', () => {
    const raw = Object.create({ highlightStyle: 'background' });
    raw.somethingElse = true;
    expect(validateSettings(raw)).toEqual(defaults);
  });

  it('never throws and always yields usable settings, whatever was stored (fuzzed)', () => {
    const value = fc.oneof(
      fc.anything(),
      fc.array(fc.oneof(fc.string(), fc.domain(), fc.webUrl(), fc.anything())),
      fc.integer(),
      fc.constantFrom('underline', 'background', 'jta', 'epaa', 'example.com'),
    );
    fc.assert(
      fc.property(
        fc.record(
          { disabledTopics: value, siteRules: value, highlightStyle: value, hoverDelayMs: value },
          { requiredKeys: [] },
        ),
        (raw) => {
          const settings = validateSettings(raw);
          expect(isValid(settings)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('storage', () => {
  it('reads from sync, falling back to local per key', async () => {
    await fake.browser.storage.local.set({ hoverDelayMs: 900, highlightStyle: 'background' });
    await fake.browser.storage.sync.set({ hoverDelayMs: 100 });
    expect(await readSettings()).toEqual({
      ...defaults,
      hoverDelayMs: 100,
      highlightStyle: 'background',
    });
  });

  it('reads local alone when sync is unavailable', async () => {
    await fake.browser.storage.local.set({ hoverDelayMs: 900 });
    fake.browser.storage.sync.broken = true;
    expect((await readSettings()).hoverDelayMs).toBe(900);
  });

  it('writes validated values to sync, and to local when sync refuses', async () => {
    await writeSettings({ siteRules: [' Example.com ', 'a'] });
    expect(fake.browser.storage.sync.data.get('siteRules')).toEqual(['example.com']);
    fake.browser.storage.sync.broken = true;
    await writeSettings({ hoverDelayMs: 700 });
    expect(fake.browser.storage.local.data.get('hoverDelayMs')).toBe(700);
    expect((await readSettings()).hoverDelayMs).toBe(700);
  });

  it('writes only the fields that changed', async () => {
    await writeSettings({ highlightStyle: 'background' });
    expect([...fake.browser.storage.sync.data.keys()]).toEqual(['highlightStyle']);
  });

  it('resets to the defaults in both areas', async () => {
    await fake.browser.storage.sync.set({ hoverDelayMs: 100 });
    await fake.browser.storage.local.set({ highlightStyle: 'background', unrelated: 1 });
    expect(await resetSettings()).toEqual(defaults);
    expect(await readSettings()).toEqual(defaults);
    expect(fake.browser.storage.local.data.get('unrelated')).toBe(1);
  });

  it('tells watchers the new settings when one changes, and nothing else', async () => {
    const seen: unknown[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await fake.browser.storage.session.set({ hoverDelayMs: 5 });
    await fake.browser.storage.sync.set({ unrelated: true });
    await settle();
    expect(seen).toEqual([]);
    await writeSettings({ hoverDelayMs: 1200 });
    await settle();
    expect(seen.at(-1)).toEqual({ ...defaults, hoverDelayMs: 1200 });
    stop();
    await writeSettings({ hoverDelayMs: 1300 });
    await settle();
    expect(seen.at(-1)).toEqual({ ...defaults, hoverDelayMs: 1200 });
  });
});
