/**
 * One redraw per display interval for views that read several runs. Each run's client delivers its
 * snapshot in its own animation-frame callback, and Svelte flushes after each, so a view of three runs
 * would redraw three times a frame. FrameSync looks at the runs' snapshots once per frame and, when one
 * is new and at least `intervalMs` has passed since the last redraw, bumps a single version; views read
 * the runs through read(), which depends on that version only. Nothing is dropped: the next redraw shows
 * the latest snapshots and the whole history.
 *
 *   worker₁ ─┐
 *   worker₂ ─┼─► snapshots ──(rAF: any new? interval passed?)──► version++ ──► views redraw once
 *   worker₃ ─┘
 *
 * Without requestAnimationFrame (tests, build time) or before start(), read() is plainly reactive.
 */
import { untrack } from "svelte";

/** Coalesces changes of several sources into at most one reactive update per frame. */
export class FrameSync {
  version = $state(0);
  readonly #sources: () => readonly unknown[];
  readonly #intervalMs: number;
  #seen: readonly unknown[] = [];
  #last = -Infinity;
  #raf = 0;

  /** `sources` returns the values to watch (compared by identity), e.g. each run's latest snapshot. */
  constructor(sources: () => readonly unknown[], intervalMs = 0) {
    this.#sources = sources;
    this.#intervalMs = intervalMs;
  }

  /** Starts watching once per frame (browser only; a no-op where requestAnimationFrame does not exist). */
  start(): void {
    if (this.#raf !== 0 || typeof requestAnimationFrame !== "function") return;
    const tick = (time: number): void => {
      const now = this.#sources();
      const changed = now.length !== this.#seen.length || now.some((v, i) => v !== this.#seen[i]);
      if (changed && time - this.#last >= this.#intervalMs) {
        this.#seen = now;
        this.#last = time;
        this.version++;
      }
      this.#raf = requestAnimationFrame(tick);
    };
    this.#raf = requestAnimationFrame(tick);
  }

  /** Stops watching; read() becomes plainly reactive again. */
  stop(): void {
    if (this.#raf !== 0) cancelAnimationFrame(this.#raf);
    this.#raf = 0;
  }

  /** fn(), re-run once per frame with news while started, or whenever what it reads changes otherwise. */
  read<T>(fn: () => T): T {
    if (this.#raf === 0) return fn();
    void this.version;
    return untrack(fn);
  }
}
