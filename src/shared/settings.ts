// The user's settings: defaults, validation on every read (a malformed or foreign value falls
// back to its default, field by field, and never throws), storage in storage.sync with
// storage.local as the fallback, and a watcher so every context applies changes live.
import * as v from 'valibot';
import { MAX_RULE_LENGTH, parseSiteRule } from '../core/site-rules.js';
import { browser } from './browser-api.js';

export type HighlightStyle = 'underline' | 'background';

export const defaults = {
  /** Topic ids the user switched off; a topic added later is on. */
  disabledTopics: [] as readonly string[],
  /** Site rules (see core/site-rules.ts) of sites where annotation is off. */
  siteRules: [] as readonly string[],
  highlightStyle: 'underline' as HighlightStyle,
  /** How long the pointer rests on a mention before its context opens. */
  hoverDelayMs: 300,
};
export type Settings = typeof defaults;
export type SettingKey = keyof Settings;
export const settingKeys = Object.keys(defaults) as SettingKey[];

export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 2000;
export const MAX_SITE_RULES = 500;
const MAX_TOPICS = 50;

/** A list field keeps its valid entries (a stored list with one bad rule keeps the others). */
function listOf(clean: (item: unknown) => string | null, max: number) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((items) => {
      const kept = new Set<string>();
      for (const item of items) {
        const value = clean(item);
        if (value !== null) kept.add(value);
      }
      return [...kept].slice(0, max) as readonly string[];
    }),
  );
}

const fieldSchemas: { [K in SettingKey]: v.GenericSchema<unknown, Settings[K]> } = {
  disabledTopics: listOf(
    (item) => (typeof item === 'string' && /^[a-z0-9-]{1,40}$/.test(item) ? item : null),
    MAX_TOPICS,
  ),
  siteRules: listOf((item) => {
    if (typeof item !== 'string' || item.length > MAX_RULE_LENGTH) return null;
    const parsed = parseSiteRule(item);
    return parsed.ok ? parsed.rule : null;
  }, MAX_SITE_RULES),
  highlightStyle: v.picklist(['underline', 'background']),
  hoverDelayMs: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(HOVER_DELAY_MIN),
    v.maxValue(HOVER_DELAY_MAX),
  ),
};

function field<K extends SettingKey>(key: K, raw: unknown): Settings[K] {
  const result = v.safeParse(fieldSchemas[key], raw);
  return result.success ? (result.output as Settings[K]) : defaults[key];
}

/** Settings from whatever storage returned: every field valid, or its default. */
export function validateSettings(raw: unknown): Settings {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const own = (key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);
  return {
    disabledTopics: field('disabledTopics', own('disabledTopics')),
    siteRules: field('siteRules', own('siteRules')),
    highlightStyle: field('highlightStyle', own('highlightStyle')),
    hoverDelayMs: field('hoverDelayMs', own('hoverDelayMs')),
  };
}

async function readArea(area: 'sync' | 'local'): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage[area].get(settingKeys)) ?? {};
  } catch {
    // storage.sync can be missing or switched off (e.g. by policy); then local holds the settings.
    return {};
  }
}

/** The current settings, validated. A value in storage.sync wins over one in storage.local. */
export async function readSettings(): Promise<Settings> {
  const [local, sync] = await Promise.all([readArea('local'), readArea('sync')]);
  return validateSettings({ ...local, ...sync });
}

/** Stores a change (validated first); falls back to storage.local when sync refuses it. */
export async function writeSettings(change: Partial<Settings>): Promise<Settings> {
  const current = await readSettings();
  const next = validateSettings({ ...current, ...change });
  const changed: Record<string, unknown> = {};
  for (const key of settingKeys) if (key in change) changed[key] = next[key];
  try {
    await browser.storage.sync.set(changed);
    await browser.storage.local.remove(Object.keys(changed));
  } catch {
    // Quota or no sync: keep the value locally, and drop the stale synced one if we can.
    await browser.storage.local.set(changed);
    await browser.storage.sync.remove(Object.keys(changed)).catch(() => undefined);
  }
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await Promise.all(
    (['sync', 'local'] as const).map((area) =>
      browser.storage[area].remove(settingKeys).catch(() => undefined),
    ),
  );
  return { ...defaults };
}

/** Calls `callback` with fresh, validated settings whenever one of them changes; returns a stop. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (!settingKeys.some((key) => Object.hasOwn(changes, key))) return;
    // Reads may settle out of order; only the newest one is passed on.
    const mine = ++latest;
    void readSettings().then(
      (settings) => mine === latest && callback(settings),
      () => undefined,
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
