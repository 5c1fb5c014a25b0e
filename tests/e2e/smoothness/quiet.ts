/**
 * Is the machine quiet enough to time a page? A main-thread task is "long" in wall time, so another
 * program hogging the CPU lengthens it as surely as a slow page does. This measures, over a window,
 * the CPU that the rest of the machine used (every core's busy time from /proc/stat, minus what this
 * Chromium's own processes used, workers included, from CDP SystemInfo.getProcessInfo). The lab's own
 * workers count as the page's: a lab that starves its main thread is caught, not excused.
 *
 *   start ──► (the page trains) ──► stop: { foreign: cores' worth used by other programs, quiet: foreign ≤ limit }
 */
import { readFileSync } from "node:fs";
import type { Browser } from "@playwright/test";

/** Other programs may use this much CPU (in cores, averaged over the window) before a timing is discarded. */
export const FOREIGN_CPU_LIMIT = 0.3;

/** What the rest of the machine did during one window. */
export interface Quietness {
  seconds: number;
  /** Average cores' worth of CPU used by programs other than this browser (NaN where /proc/stat is missing). */
  foreign: number;
  quiet: boolean;
}

/** Busy core-seconds of the whole machine so far (Linux), or null elsewhere. Steal time counts as busy. */
function machineBusy(): number | null {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
    void idle;
    void iowait;
    return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / 100; // USER_HZ = 100
  } catch {
    return null;
  }
}

/** CPU seconds used so far by every process of this browser (renderers and their workers included). */
async function browserCpu(cdp: Awaited<ReturnType<Browser["newBrowserCDPSession"]>>): Promise<number> {
  const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { cpuTime: number }[] };
  return processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
}

/** Starts a window; the returned function ends it and says how busy the rest of the machine was. */
export async function watchQuietness(browser: Browser): Promise<() => Promise<Quietness>> {
  const cdp = await browser.newBrowserCDPSession();
  const [t0, busy0, ours0] = [performance.now(), machineBusy(), await browserCpu(cdp)];
  return async () => {
    const [t1, busy1, ours1] = [performance.now(), machineBusy(), await browserCpu(cdp)];
    await cdp.detach();
    const seconds = (t1 - t0) / 1000;
    if (busy0 === null || busy1 === null) return { seconds, foreign: Number.NaN, quiet: true };
    const foreign = Math.max(0, busy1 - busy0 - (ours1 - ours0)) / seconds;
    return { seconds, foreign, quiet: foreign <= FOREIGN_CPU_LIMIT };
  };
}
