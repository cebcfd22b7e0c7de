// The pages the benchmark runs on: the generated ones (1 MB and 10 MB news pages, the
// mention-dense page) and the real news pages in ../shared/pages when that folder is there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { densePage, newsPage } from './generate.js';

export interface BenchPage {
  name: string;
  html: string | Buffer;
  bytes: number;
  generated: boolean;
  /** Mentions planted by the generator (null for real pages, which mention no topic). */
  planted: number | null;
}

export function generatedPages(): BenchPage[] {
  return [newsPage('gen-1mb', 1_000_000), newsPage('gen-10mb', 10_000_000), densePage(5000)].map(
    (page) => ({
      name: page.name === 'dense' ? 'gen-dense' : page.name,
      html: page.html,
      bytes: Buffer.byteLength(page.html),
      generated: true,
      planted: page.planted.mentions,
    }),
  );
}

/** The real pages, or none (with the reason) when the folder is absent. */
export function realPages(dir: string): { pages: BenchPage[]; notice: string | null } {
  if (!existsSync(dir)) {
    return { pages: [], notice: `${dir} is absent: the real news pages are skipped.` };
  }
  const pages = readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(join(dir, file));
      return { name: file, html, bytes: html.length, generated: false, planted: null };
    });
  return { pages, notice: pages.length === 0 ? `${dir} holds no .html page.` : null };
}
