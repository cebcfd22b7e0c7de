// CPU time spent by a browser, read from /proc for its whole process tree (content processes,
// GPU, extension processes). CPU time, unlike wall time, hardly depends on what else the machine
// is doing, so a browser with the extension can be compared with one without it.
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 10 ms (CLK_TCK = 100). */
const MS_PER_TICK = 10;

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // the process ended meanwhile
  }
}

/** Milliseconds of CPU used so far by `rootPid` and every process below it. */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === rootPid) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.cpuTicks;
  return ticks * MS_PER_TICK;
}
