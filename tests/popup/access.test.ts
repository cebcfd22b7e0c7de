// Why a tab does not answer the popup, from what the browser lets us see of it: its address (hidden
// without access to it) and our host permissions.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const api = {
  url: undefined as string | undefined,
  granted: [] as string[],
};

vi.mock('../../src/shared/browser-api.js', () => ({
  browser: {
    tabs: {
      get: async (id: number) =>
        id === 404 ? Promise.reject(new Error('No tab')) : { id, url: api.url },
    },
    permissions: {
      // Granted when listed, or when the scheme's every-host pattern is.
      contains: async ({ origins }: { origins: string[] }) =>
        origins.every(
          (o) => api.granted.includes(o) || api.granted.includes(o.replace(/\/\/[^/]+/, '//*')),
        ),
      getAll: async () => ({ origins: api.granted }),
    },
  },
}));

const { whyUnanswered } = await import('../../src/popup/access.js');
const ALL = ['http://*/*', 'https://*/*'];

describe('whyUnanswered', () => {
  beforeEach(() => {
    api.url = undefined;
    api.granted = [...ALL];
  });

  it('calls a hidden address with access to every site a page no extension may read', async () => {
    // Chrome and Firefox show http(s) addresses to an extension with access to them.
    expect(await whyUnanswered(1)).toEqual({ kind: 'restricted' });
  });

  it('calls browser pages, stores and other schemes restricted when the address shows', async () => {
    for (const url of [
      'chrome://newtab/',
      'about:addons',
      'file:///home/reader/story.html',
      'https://chromewebstore.google.com/detail/x',
      'https://addons.mozilla.org/en-US/firefox/',
    ]) {
      api.url = url;
      expect(await whyUnanswered(1), url).toEqual({ kind: 'restricted' });
    }
  });

  it('calls a PDF restricted: the browser shows it in its own viewer', async () => {
    api.url = 'https://example.com/reports/2012-Annual.PDF';
    expect(await whyUnanswered(1)).toEqual({ kind: 'restricted' });
  });

  it('suggests a reload for a readable page that does not answer', async () => {
    api.url = 'https://example.com/story';
    expect(await whyUnanswered(1)).toEqual({ kind: 'not-running' });
  });

  it('asks for this site when its address shows and access is withheld', async () => {
    api.url = 'https://news.example.com/story';
    api.granted = ['https://other.example/*'];
    expect(await whyUnanswered(1)).toEqual({
      kind: 'no-access',
      host: 'news.example.com',
      origins: ['http://news.example.com/*', 'https://news.example.com/*'],
    });
  });

  it('asks for every site when neither the address nor broad access is there', async () => {
    api.granted = ['https://news.example.com/*'];
    expect(await whyUnanswered(1)).toEqual({ kind: 'no-access', host: null, origins: ALL });
  });

  it('treats a tab that is gone like one whose address is hidden', async () => {
    expect(await whyUnanswered(404)).toEqual({ kind: 'restricted' });
    api.granted = [];
    expect(await whyUnanswered(404)).toEqual({ kind: 'no-access', host: null, origins: ALL });
  });
});
