// Reads the bundled dataset, its article and test fixtures from disk for the data tests.
import { readFileSync } from 'node:fs';

export function readText(relative: string): string {
  return readFileSync(new URL(relative, import.meta.url), 'utf8');
}

export function readJson(relative: string): unknown {
  return JSON.parse(readText(relative));
}

export const article = readText('../../assets/data/article.txt');
export const rawDataset = readJson('../../assets/data/dataset.json');
export const articleSources = { 'article.txt': article } as const;
