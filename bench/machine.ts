// The machine and browsers the figures come from, printed with every result table.
import { cpus, totalmem, type } from 'node:os';
import type { Session } from '../tests/e2e/support/browsers.js';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  firefox: string | null;
}

export async function machineInfo(chromium: Session, firefox: Session | null): Promise<Machine> {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: type(),
    node: process.version,
    chromium: await chromium.browser.version(),
    firefox: firefox ? await firefox.browser.version().catch(() => 'unknown') : null,
  };
}
