// Site rules: what may be typed (an exact host, *.host, a match pattern), how it is stored, and
// which addresses each rule covers, so "a" never switches off every site with an "a" in it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canAnnotate,
  isSiteEnabled,
  parseSiteRule,
  sitePermissionOrigins,
  siteRuleMatches,
  switchSite,
} from '../../src/core/site-rules.js';

describe('parseSiteRule', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  News.Example.CO.uk. ', 'news.example.co.uk'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['*.example.com', '*.example.com'],
    ['https://example.com/news/*', 'https://example.com/news/*'],
    ['*://*.Example.org/*', '*://*.example.org/*'],
    ['http://intranet/*', 'http://intranet/*'],
    ['*://*/*', '*://*/*'],
  ])('accepts %j as %j', (input, rule) => {
    expect(parseSiteRule(input)).toEqual({ ok: true, rule });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a', 'not-a-site'],
    ['com', 'not-a-site'],
    ['*.com', 'not-a-site'],
    ['1', 'not-a-site'],
    ['0x7f.1', 'not-a-site'],
    ['exa mple.com', 'not-a-site'],
    ['example.com/news', 'not-a-site'],
    ['example.com:8080', 'not-a-site'],
    ['user@example.com', 'not-a-site'],
    ['-bad-.com', 'not-a-site'],
    ['ex*ample.com', 'not-a-site'],
    ['ftp://example.com/*', 'bad-pattern'],
    ['https://example.com', 'bad-pattern'],
    ['https://*example.com/*', 'bad-pattern'],
    ['https://*.com/*', 'bad-pattern'],
    ['<all_urls>', 'not-a-site'],
    [`${'a'.repeat(300)}.com`, 'too-long'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(parseSiteRule(input)).toEqual({ ok: false, problem });
  });

  it('stores every rule in the one form it parses back to', () => {
    fc.assert(
      fc.property(fc.oneof(fc.domain(), fc.webUrl(), fc.string()), (input) => {
        const parsed = parseSiteRule(input);
        if (parsed.ok) expect(parseSiteRule(parsed.rule)).toEqual(parsed);
      }),
    );
  });
});

describe('siteRuleMatches', () => {
  it('matches an exact host only, whatever the scheme, port or path', () => {
    expect(siteRuleMatches('example.com', 'https://example.com/a?b#c')).toBe(true);
    expect(siteRuleMatches('example.com', 'http://example.com:8080/')).toBe(true);
    expect(siteRuleMatches('example.com', 'https://www.example.com/')).toBe(false);
    expect(siteRuleMatches('example.com', 'https://notexample.com/')).toBe(false);
    expect(siteRuleMatches('example.com', 'https://example.com.evil.net/')).toBe(false);
  });

  it('matches a host and its subdomains for *.host', () => {
    expect(siteRuleMatches('*.example.com', 'https://example.com/')).toBe(true);
    expect(siteRuleMatches('*.example.com', 'https://a.b.example.com/')).toBe(true);
    expect(siteRuleMatches('*.example.com', 'https://badexample.com/')).toBe(false);
  });

  it('matches match patterns by scheme, host and path with query', () => {
    expect(siteRuleMatches('https://example.com/news/*', 'https://example.com/news/x')).toBe(true);
    expect(siteRuleMatches('https://example.com/news/*', 'http://example.com/news/x')).toBe(false);
    expect(siteRuleMatches('https://example.com/news/*', 'https://example.com/sport')).toBe(false);
    expect(siteRuleMatches('*://example.com/a*b', 'http://example.com/a?q=b')).toBe(true);
    expect(siteRuleMatches('*://*/*', 'https://anything.test/')).toBe(true);
    expect(siteRuleMatches('https://example.com/a.b', 'https://example.com/aXb')).toBe(false);
  });

  it('never matches pages that are not http or https', () => {
    expect(siteRuleMatches('*://*/*', 'file:///etc/passwd')).toBe(false);
    expect(siteRuleMatches('example.com', 'not a url')).toBe(false);
  });

  it('an exact host rule matches that host and no other, never a part of one', () => {
    fc.assert(
      fc.property(fc.domain(), fc.webUrl({ withQueryParameters: true }), (domain, url) => {
        const parsed = parseSiteRule(domain);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        const host = new URL(url).hostname.replace(/\.$/, '');
        expect(siteRuleMatches(parsed.rule, url)).toBe(host === parsed.rule);
        expect(siteRuleMatches(parsed.rule, url.replace(host, parsed.rule))).toBe(true);
      }),
    );
  });
});

describe('switchSite', () => {
  const url = 'https://news.example.com/today';

  it('switches a site off with its exact host, and on again', () => {
    const off = switchSite([], url, false);
    expect(off).toEqual(['news.example.com']);
    expect(isSiteEnabled(off, url)).toBe(false);
    expect(isSiteEnabled(off, 'https://example.com/')).toBe(true);
    expect(switchSite(off, url, true)).toEqual([]);
  });

  it('switching on removes every rule covering the page, and keeps the others', () => {
    const rules = ['*.example.com', 'https://news.example.com/*', 'other.org'];
    const on = switchSite(rules, url, true);
    expect(on).toEqual(['other.org']);
    expect(isSiteEnabled(on, url)).toBe(true);
  });

  it('switching off an already switched-off site changes nothing', () => {
    expect(switchSite(['*.example.com'], url, false)).toEqual(['*.example.com']);
  });

  it('switches a single-label host off with a pattern', () => {
    expect(switchSite([], 'http://intranet/page', false)).toEqual(['*://intranet/*']);
  });
});

describe('page access', () => {
  it('tells pages no extension may read', () => {
    expect(canAnnotate('https://example.com/')).toBe(true);
    for (const url of [
      'chrome://extensions/',
      'about:addons',
      'file:///tmp/x.html',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/category',
      'https://addons.mozilla.org/en-US/firefox/',
      'view-source:https://example.com/',
      'nonsense',
    ]) {
      expect(canAnnotate(url), url).toBe(false);
    }
  });

  it('asks for one site on both schemes', () => {
    expect(sitePermissionOrigins('https://news.example.com:8443/a')).toEqual([
      'http://news.example.com/*',
      'https://news.example.com/*',
    ]);
  });
});
