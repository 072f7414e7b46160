/**
 * CPU time (user + system, milliseconds) of a browser: every process whose command line names `marker` (its
 * profile folder: Chromium's --user-data-dir, Firefox's -profile) and all their descendants (Firefox's content
 * processes do not name the profile). On a shared, busy machine wall-clock times swing with the neighbours' load;
 * the CPU a browser spends on a page load much less. Linux only (/proc); a process that exits between two
 * readings takes its time with it.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux (sysconf(_SC_CLK_TCK)).

interface Proc {
  ppid: number;
  ticks: number;
  named: boolean;
}

function processes(marker: string): Map<number, Proc> {
  const all = new Map<number, Proc>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name in parentheses (which may hold spaces): ppid 4th, utime 14th, stime 15th.
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const named = readFileSync(`/proc/${entry}/cmdline`, 'latin1').includes(marker);
      all.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), named });
    } catch {
      // The process ended while we read it.
    }
  }
  return all;
}

export function processCpuMs(marker: string): number {
  const all = processes(marker);
  const counted = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      const proc = all.get(p);
      if (!proc) return false;
      if (proc.named) return true;
      p = proc.ppid;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, proc] of all) if (counted(pid)) ticks += proc.ticks;
  return ticks * TICK_MS;
}
