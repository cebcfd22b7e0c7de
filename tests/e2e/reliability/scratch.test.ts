import { it } from 'vitest';
import { inExtension, tabIdOf } from '../support/extension.js';
import { forEachBrowser } from '../support/suite.js';
import { hundredFrames } from './generated.js';
forEachBrowser('scratch', (ctx) => {
  it('frames', async () => {
    if (ctx.name !== 'chromium') return;
    ctx.server.route('/frames.html', (_q, r) => { r.writeHead(200, { 'content-type': 'text/html' }); r.end(hundredFrames(ctx.server.otherOrigin)); });
    ctx.allowRequests('/e2e/reliability/frame.html');
    const page = await ctx.open('/frames.html', { waitMs: 3000, baseline: false });
    const tops = await page.evaluate(() => [...document.querySelectorAll('iframe')].filter((f) => f.src.includes('cross=')).map((f) => Math.round(f.getBoundingClientRect().top)));
    console.log('RESULT tops', JSON.stringify(tops));
    const targets = ctx.session.browser.targets().filter((t) => t.url().includes('cross='));
    const out: string[] = [];
    for (const t of targets) {
      const cdp = await t.createCDPSession();
      const worlds: string[] = [];
      let extId = 0;
      cdp.on('Runtime.executionContextCreated', (e) => { worlds.push(e.context.origin.slice(0, 12)); if (e.context.origin.startsWith('chrome-extension')) extId = e.context.id; });
      const logs: string[] = [];
      cdp.on('Runtime.consoleAPICalled', (e) => logs.push(String(e.args[0]?.value).split(' ').slice(0, 3).join(' ')));
      await cdp.send('Runtime.enable');
      await new Promise((r) => setTimeout(r, 200));
      worlds.push(logs.join(','));
      const probe = await cdp.send('Runtime.evaluate', { contextId: extId, awaitPromise: true, returnByValue: true, expression: `Promise.race([Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null)]).then(() => 'storage ok', (e) => 'storage error ' + e), new Promise((r) => setTimeout(() => r('storage hangs'), 2000))])` }).catch((e) => ({ result: { value: String(e) } }));
      worlds.push(String(probe.result.value));
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'JSON.stringify([[...CSS.highlights.keys()].length, document.querySelector("p").checkVisibility({ visibilityProperty: true })])', returnByValue: true });
      out.push(`${t.url().split('cross=')[1]}:${result.value}:${worlds.join('|')}`);
      await cdp.detach();
    }
    console.log('RESULT targets', targets.length, out.join(' '));
    const tabId = await tabIdOf(ctx.session, page);
    console.log('RESULT badge', await inExtension(ctx.session, (id: number) => chrome.action.getBadgeText({ tabId: id }), tabId));
  }, 120_000);
});
