/**
 * Spreading the sandbox's redraws over frames. Its instruments fall into groups (per-layer bars, history
 * charts, the decision boundary); while training runs, each snapshot redraws at most one group — the most
 * overdue, and only once `interval` ms have passed since it was last drawn — so no frame redraws everything.
 */
export class RedrawRotation {
  readonly interval: number;
  readonly #last: number[];

  /** `groups` groups, each redrawn at most every `interval` ms while rotating. */
  constructor(groups: number, interval: number) {
    this.interval = interval;
    this.#last = new Array<number>(groups).fill(Number.NEGATIVE_INFINITY);
  }

  /** The groups to redraw at time t: every group when `all` (paused, a new run), else at most the most overdue one. */
  pick(t: number, all: boolean): number[] {
    if (all) {
      this.#last.fill(t);
      return this.#last.map((_, i) => i);
    }
    let best = -1;
    for (let i = 0; i < this.#last.length; i++) {
      if (t - this.#last[i]! >= this.interval && (best < 0 || this.#last[i]! < this.#last[best]!)) best = i;
    }
    if (best < 0) return [];
    this.#last[best] = t;
    return [best];
  }
}
