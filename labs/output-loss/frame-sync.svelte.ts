/**
 * Redraws of views that read several runs, spread over display frames. Each run's client delivers its
 * snapshot in its own animation-frame callback, and Svelte flushes after each, so a view of three runs
 * would redraw three times a frame; and views that all redraw in the same frame make that frame long
 * enough to miss the display's next one. FrameSync looks at the runs' snapshots once per frame and gives
 * that frame to one group of views in turn (frame n to group n mod groups): when a snapshot is new since
 * the group last looked, the group's version is bumped, and its views, which read the runs through
 * read(group, …), redraw. Each group redraws at most every `groups` frames (20 a second for 3 groups at
 * 60 Hz), and no two groups in one frame. Nothing is dropped: a redraw shows the latest snapshots and the
 * whole history.
 *
 *   worker₁ ─┐                                frame 3k   ──► group 0 (e.g. the loss chart)
 *   worker₂ ─┼─► snapshots ──(rAF: news?)──►  frame 3k+1 ──► group 1 (e.g. the boundary)
 *   worker₃ ─┘                                frame 3k+2 ──► group 2 (e.g. the tables and curves)
 *
 * Without requestAnimationFrame (tests, build time) or before start(), read() is plainly reactive.
 */
import { untrack } from "svelte";

/** Coalesces changes of several sources into at most one reactive update per frame, for one group of views. */
export class FrameSync {
  /** One version per group; a view depends only on its group's. */
  readonly versions: number[];
  readonly #sources: () => readonly unknown[];
  readonly #seen: (readonly unknown[])[];
  #frame = 0;
  #raf = 0;

  /** `sources` returns the values to watch (compared by identity), e.g. each run's latest snapshot. */
  constructor(sources: () => readonly unknown[], groups = 1) {
    const n = Math.max(1, Math.floor(groups));
    this.versions = $state(Array.from({ length: n }, () => 0));
    this.#seen = Array.from({ length: n }, () => []);
    this.#sources = sources;
  }

  /** Starts watching once per frame (browser only; a no-op where requestAnimationFrame does not exist). */
  start(): void {
    if (this.#raf !== 0 || typeof requestAnimationFrame !== "function") return;
    const tick = (): void => {
      const group = this.#frame++ % this.versions.length;
      const now = this.#sources();
      const seen = this.#seen[group]!;
      if (now.length !== seen.length || now.some((v, i) => v !== seen[i])) {
        this.#seen[group] = now;
        this.versions[group]!++;
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

  /** fn(), re-run in the group's frames when there is news while started, or whenever what it reads changes otherwise. */
  read<T>(group: number, fn: () => T): T {
    if (this.#raf === 0) return fn();
    void this.versions[group];
    return untrack(fn);
  }
}
