// @vitest-environment jsdom
// The large real news pages in ../shared/pages (Guardian, Yahoo, Wikipedia, NYT, QQ) mention none
// of the topics: scanning them finds nothing and throws nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadPage, scan } from './scan-page.js';

const sharedPages = join(import.meta.dirname, '../../../shared/pages');
const files = existsSync(sharedPages)
  ? readdirSync(sharedPages).filter((f) => f.endsWith('.html'))
  : [];

describe('large real pages', () => {
  if (files.length === 0) {
    const notice = `No real pages in ${sharedPages}: the zero-mention check on large real pages cannot run.`;
    if (process.env.CI === 'true') {
      it('needs ../shared/pages (CI=true makes its absence a failure)', () => {
        throw new Error(notice);
      });
    } else {
      console.warn(`\n!!! SKIPPING: ${notice}\n`);
      it.skip('produce no mentions', () => undefined);
    }
    return;
  }

  it.each(files)(
    '%s produces no mentions and no errors',
    async (file) => {
      // Saved as UTF-8 whatever the page declares (the QQ page says gb2312).
      loadPage(readFileSync(join(sharedPages, file), 'utf8'));
      expect(document.body.textContent?.length ?? 0).toBeGreaterThan(5000);
      const errors = vi.spyOn(console, 'error');
      try {
        const { found } = await scan();
        expect(found()).toEqual([]);
        expect(errors).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
      }
    },
    120_000,
  );
});
