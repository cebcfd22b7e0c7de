// Site rules: the sites where the user switched annotation off. A rule is an exact host
// ("example.com"), a host with its subdomains ("*.example.com") or a match pattern
// ("https://example.com/news/*"). Rules are validated, so "a" is refused rather than taken to
// mean every site with an "a" in its address.

export type SiteRuleProblem = 'empty' | 'too-long' | 'not-a-site' | 'bad-pattern';
export type SiteRuleResult = { ok: true; rule: string } | { ok: false; problem: SiteRuleProblem };

export const MAX_RULE_LENGTH = 300;

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const ipv6 = /^\[[0-9a-f:.]+\]$/;
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const patternShape = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)(\/.*)$/;

/** The host as browsers write it (lower case, punycode), or null when it is not a host name. */
function canonicalHost(input: string): string | null {
  if (input === '' || /[\s/\\:@?#*%]/.test(input.replace(/^\[[^\]]*\]$/, ''))) return null;
  let host: string;
  try {
    host = new URL(`http://${input}/`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '');
  // Browsers read "1" or "0x7f.1" as IPv4 addresses; only an address written out counts as one.
  if (ipv4.test(host)) return host === input.replace(/\.$/, '') ? host : null;
  if (ipv6.test(host)) return host;
  const labels = host.split('.');
  if (labels.length > 127 || host.length > 253 || !labels.every((l) => label.test(l))) return null;
  return host;
}

/** A host a rule may name on its own: it has a dot and a real top-level part, or is local. */
function isSiteHost(host: string): boolean {
  if (host === 'localhost' || ipv4.test(host) || ipv6.test(host)) return true;
  const labels = host.split('.');
  return labels.length >= 2 && topLevel.test(labels[labels.length - 1] ?? '');
}

/** Checks what the user typed and writes it the one way rules are stored. */
export function parseSiteRule(input: string): SiteRuleResult {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > MAX_RULE_LENGTH) return { ok: false, problem: 'too-long' };
  if (text.includes('://')) {
    const shape = patternShape.exec(text);
    if (!shape) return { ok: false, problem: 'bad-pattern' };
    const [, scheme = '', hostPart = '', path = ''] = shape;
    if (hostPart === '*') return { ok: true, rule: `${scheme}://*${path}` };
    const wildcard = hostPart.startsWith('*.');
    const host = canonicalHost(wildcard ? hostPart.slice(2) : hostPart);
    if (!host || (wildcard && !isSiteHost(host))) return { ok: false, problem: 'bad-pattern' };
    return { ok: true, rule: `${scheme}://${wildcard ? '*.' : ''}${host}${path}` };
  }
  const wildcard = text.startsWith('*.');
  const host = canonicalHost(wildcard ? text.slice(2) : text);
  if (!host || !isSiteHost(host)) return { ok: false, problem: 'not-a-site' };
  return { ok: true, rule: `${wildcard ? '*.' : ''}${host}` };
}

function hostMatches(ruleHost: string, host: string): boolean {
  if (ruleHost === '*') return true;
  if (ruleHost.startsWith('*.')) {
    const base = ruleHost.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === ruleHost;
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[\\^$.+?()[\]{}|]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** True when the stored rule covers the address (only http and https pages are annotated). */
export function siteRuleMatches(rule: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  const host = parsed.hostname.replace(/\.$/, '');
  const shape = patternShape.exec(rule);
  if (!shape) return hostMatches(rule, host);
  const [, ruleScheme = '', ruleHost = '', path = ''] = shape;
  if (ruleScheme !== '*' && ruleScheme !== scheme) return false;
  // Match patterns compare the path together with the query, as browsers do.
  return hostMatches(ruleHost, host) && globToRegExp(path).test(parsed.pathname + parsed.search);
}

export function isSiteEnabled(rules: readonly string[], url: string): boolean {
  return !rules.some((rule) => siteRuleMatches(rule, url));
}

/**
 * The rules after the per-site switch: switching a site off adds its exact host; switching it
 * on removes every rule that covers the address, so the page really is annotated again.
 */
export function switchSite(rules: readonly string[], url: string, enabled: boolean): string[] {
  if (enabled) return rules.filter((rule) => !siteRuleMatches(rule, url));
  if (!isSiteEnabled(rules, url)) return [...rules];
  let host: string;
  try {
    host = new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return [...rules];
  }
  const parsed = parseSiteRule(host);
  // A host that is not a public site name ("intranet") is switched off by a pattern instead.
  const rule = parsed.ok ? parsed.rule : `*://${host}/*`;
  return [...rules, rule];
}

/** Hosts of extension stores, where browsers let no extension read the page. */
const storeHosts = new Set([
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

/** False for pages no extension may read: browser pages, other schemes, extension stores. */
export function canAnnotate(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (storeHosts.has(parsed.hostname)) return false;
  return !(parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'));
}

/** The host permissions that cover one site, on both schemes (what "Allow on this site" asks). */
export function sitePermissionOrigins(url: string): string[] {
  const host = new URL(url).hostname;
  return [`http://${host}/*`, `https://${host}/*`];
}
