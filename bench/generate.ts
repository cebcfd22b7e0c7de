// Deterministic news-like pages for the benchmark: a seeded generator writes the same HTML on every
// run (mastheads, article paragraphs with nested inline markup, side lists, tables, footers), with a
// few dozen topic mentions and look-alikes, or a mention-dense page.

import { createRandom, type Random } from './random.js';
import { lookAlikes, mentionSentences, type Special } from './specials.js';
import { anchorWords, words } from './words.js';

export interface GeneratedPage {
  name: string;
  html: string;
  /** Planted sentences: mentions and look-alikes (the dense page counts its mentions instead). */
  planted: { mentions: number; lookAlikes: number };
}

function sentence(rnd: Random): string {
  const count = rnd.int(7, 22);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rnd.pick(words));
  if (rnd.chance(1 / 80)) out[rnd.int(1, count - 1)] = rnd.pick(anchorWords);
  const first = out[0] ?? 'the';
  out[0] = first[0]?.toUpperCase() + first.slice(1);
  let i = 0;
  const marked: string[] = [];
  while (i < out.length) {
    const span = rnd.int(1, 3);
    const part = out.slice(i, i + span).join(' ');
    marked.push(rnd.chance(0.07) ? inline(rnd, part) : part);
    i += span;
  }
  return `${marked.join(' ')}.`;
}

/** One to three levels of inline markup around `text`, as news sites nest links and emphasis. */
function inline(rnd: Random, text: string): string {
  const roll = rnd.int(0, 9);
  if (roll < 3) return `<a href="/story/${rnd.int(1, 99999)}">${text}</a>`;
  if (roll < 5) return `<em>${text}</em>`;
  if (roll < 6) return `<strong>${text}</strong>`;
  if (roll < 7) return `<span class="hl">${text}</span>`;
  if (roll < 8) return `<a href="/t/${rnd.int(1, 999)}"><span class="kw">${text}</span></a>`;
  return `<b><i>${text}</i></b>`;
}

function paragraph(rnd: Random, extra = ''): string {
  const parts: string[] = [];
  for (let n = rnd.int(2, 5); n > 0; n--) parts.push(sentence(rnd));
  if (extra) parts.splice(rnd.int(0, parts.length), 0, extra);
  return `        <p>${parts.join(' ')}</p>\n`;
}

function linkList(rnd: Random, className: string, items: number): string {
  let out = `      <ul class="${className}">\n`;
  for (let i = 0; i < items; i++) {
    const label = [rnd.pick(words), rnd.pick(words), rnd.pick(words)].join(' ');
    out += `        <li><a href="/s/${rnd.int(1, 9999)}">${label}</a> <span class="ago">${rnd.int(1, 59)} min</span></li>\n`;
  }
  return `${out}      </ul>\n`;
}

function table(rnd: Random): string {
  let out = '        <table>\n';
  for (let r = 0; r < 4; r++) {
    const cells = [0, 1, 2].map(() => `<td>${rnd.pick(words)} <b>${rnd.int(1, 999)}</b></td>`);
    out += `          <tr>${cells.join('')}</tr>\n`;
  }
  return `${out}        </table>\n`;
}

/** One story block: headline, byline, paragraphs, a figure or table, and a side list. */
function story(rnd: Random, nextSpecial: () => string): string {
  let out = `    <article class="story">\n      <h2><a href="/a/${rnd.int(1, 99999)}">${sentence(rnd)}</a></h2>\n`;
  out += `      <p class="byline">By <a href="/by/${rnd.int(1, 500)}">${rnd.pick(words)} ${rnd.pick(words)}</a>, <time>${rnd.int(1, 28)} May</time></p>\n      <div class="body">\n`;
  for (let n = rnd.int(4, 9); n > 0; n--) out += paragraph(rnd, nextSpecial());
  if (rnd.chance(0.3)) out += table(rnd);
  if (rnd.chance(0.4)) {
    out += `        <figure><img alt="" src="data:,"><figcaption>${sentence(rnd)}</figcaption></figure>\n`;
  }
  if (rnd.chance(0.3)) out += `        <blockquote><p>${sentence(rnd)}</p></blockquote>\n`;
  out += '      </div>\n    </article>\n';
  if (rnd.chance(0.5))
    out += `    <aside>\n${linkList(rnd, 'related', rnd.int(4, 10))}    </aside>\n`;
  return out;
}

function frame(title: string, body: string, rnd: Random): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <style>body{font:16px/1.5 serif;max-width:60em;margin:auto}aside{font-size:14px}</style>
</head>
<body>
  <header>
    <nav>
${linkList(rnd, 'sections', 24)}    </nav>
  </header>
  <main>
${body}  </main>
  <footer>
${linkList(rnd, 'footer', 40)}  </footer>
</body>
</html>
`;
}

/** A news-like page of about `bytes` bytes with `specials` planted sentences spread evenly. */
export function newsPage(name: string, bytes: number, specials = 36, seed = 7): GeneratedPage {
  const rnd = createRandom(seed);
  const planted = { mentions: 0, lookAlikes: 0 };
  const every = Math.floor(bytes / specials);
  let size = 0;
  let nextAt = every / 2;
  let index = 0;
  const nextSpecial = () => {
    if (size < nextAt || index >= specials) return '';
    nextAt += every;
    const isMention = index++ % 2 === 0;
    const list: readonly Special[] = isMention ? mentionSentences : lookAlikes;
    if (isMention) planted.mentions++;
    else planted.lookAlikes++;
    return list[Math.floor(index / 2) % list.length]?.html ?? '';
  };
  const parts: string[] = [];
  while (size < bytes - 6000) {
    const block = story(rnd, nextSpecial);
    parts.push(block);
    size += block.length;
  }
  return { name, html: frame(`Generated news page (${name})`, parts.join(''), rnd), planted };
}

/** A page whose every paragraph holds five mentions: `total` mentions in all. */
export function densePage(total = 5000, seed = 11): GeneratedPage {
  const rnd = createRandom(seed);
  const parts: string[] = [];
  const templates = mentionSentences.filter((s) => s.dense);
  let planted = 0;
  while (planted < total) {
    let p = '    <article class="story">\n      <div class="body">\n';
    for (let n = 0; n < 10 && planted < total; n++) {
      const picks: Special[] = [];
      while (picks.length < 5 && planted < total) {
        const pick = rnd.pick(templates);
        picks.push(pick);
        planted += pick.mentions;
      }
      p += paragraph(rnd, picks.map((s) => s.html).join(' '));
    }
    parts.push(`${p}      </div>\n    </article>\n`);
  }
  return {
    name: 'dense',
    html: frame('Generated mention-dense page', parts.join(''), rnd),
    planted: { mentions: planted, lookAlikes: 0 },
  };
}

/** `bursts` chunks of `perBurst` paragraphs each, as a live page appends them; one in ten plants a mention. */
export function appendedBursts(bursts = 100, perBurst = 10, seed = 23): GeneratedPage[] {
  const rnd = createRandom(seed);
  return Array.from({ length: bursts }, (_, i) => {
    const special = i % 10 === 5 ? (mentionSentences[i % mentionSentences.length]?.html ?? '') : '';
    let html = '    <article class="story">\n      <div class="body">\n';
    for (let n = 0; n < perBurst; n++) html += paragraph(rnd, n === 0 ? special : '');
    html += '      </div>\n    </article>\n';
    return { name: `burst-${i}`, html, planted: { mentions: special ? 1 : 0, lookAlikes: 0 } };
  });
}
