// `npm start`: builds Context Lens and opens the bundled demo page in a browser with the extension
// installed. With a display it opens a real window (Chromium, or Firefox with --firefox); without
// one (DISPLAY unset) it runs headless, prints what the extension found and saves a screenshot.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'assets/demo');
const distRoot = process.env.CONTEXT_LENS_DIST || join(root, 'dist');
const firefox = process.argv.includes('--firefox');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const candidates = firefox
  ? [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']
  : [
      process.env.CHROMIUM_PATH,
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
    ];
const executable = candidates.find((p) => p && existsSync(p));
if (!executable) {
  console.error(
    firefox
      ? 'Firefox not found. Install it (apt-get install firefox-esr) or set FIREFOX_PATH.'
      : 'Chromium not found. Install it (apt-get install chromium) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}

execFileSync(process.execPath, [join(root, 'build.mjs')], { stdio: 'inherit' });

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const file = normalize(join(demoDir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(demoDir) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const demoUrl = `http://127.0.0.1:${server.address().port}/`;

if (firefox && !headless) {
  // web-ext run gives the usual development loop (reload on change) in a real Firefox window.
  const child = spawn(
    join(root, 'node_modules/.bin/web-ext'),
    [
      'run',
      '--source-dir',
      join(distRoot, 'firefox'),
      '--firefox',
      executable,
      '--start-url',
      demoUrl,
    ],
    { stdio: 'inherit' },
  );
  child.on('exit', (code) => {
    server.close();
    process.exit(code ?? 0);
  });
} else {
  const browser = firefox
    ? await puppeteer.launch({ browser: 'firefox', executablePath: executable, headless })
    : await puppeteer.launch({
        executablePath: executable,
        headless,
        pipe: true,
        enableExtensions: true,
        defaultViewport: headless ? { width: 1280, height: 900 } : null,
        args: [
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
        ].concat(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      });
  await browser.installExtension(join(distRoot, firefox ? 'firefox' : 'chrome'));
  const page = await browser.newPage();
  await page.goto(demoUrl, { waitUntil: 'load' });
  if (headless) await reportHeadless(page, browser);
  else {
    console.log(`Opened ${demoUrl} with Context Lens. Close the browser window to stop.`);
    browser.on('disconnected', () => {
      server.close();
      process.exit(0);
    });
  }
}

async function reportHeadless(page, browser) {
  const found = await waitForHighlights(page);
  const total = found.reduce((sum, [, texts]) => sum + texts.length, 0);
  console.log(`\nContext Lens found ${total} mentions on the demo page (${demoUrl}):`);
  for (const [name, texts] of found) {
    console.log(
      `  ${name.replace('context-lens-', '')}: ${texts.length} — ${[...new Set(texts)].join('; ')}`,
    );
  }
  // Rest the pointer on the first mention so the screenshot shows its tooltip too.
  const first = await page.evaluate(() => {
    const ranges = [...CSS.highlights.values()].flatMap((h) => [...h]);
    const rect = ranges[0]?.getClientRects()[0];
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
  });
  if (first) {
    await page.mouse.move(first.x, first.y);
    await new Promise((r) => setTimeout(r, 900));
  }
  const out = join(root, 'artifacts');
  mkdirSync(out, { recursive: true });
  const shot = join(out, `demo-${firefox ? 'firefox' : 'chromium'}.png`);
  await page.screenshot({ path: shot });
  console.log(`Screenshot saved to ${shot}`);
  await browser.close();
  server.close();
}

async function waitForHighlights(page) {
  let found = [];
  for (let i = 0; i < 50; i++) {
    found = await page.evaluate(() =>
      [...CSS.highlights]
        .filter(([name]) => name !== 'context-lens-current')
        .map(([name, h]) => [name, [...h].map((r) => r.toString())]),
    );
    if (found.length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return found;
}
