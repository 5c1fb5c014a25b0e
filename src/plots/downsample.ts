/**
 * Keeps long series drawable: min/max downsampling for a plot, and a history whose memory stays bounded
 * for a run of any length.
 */

/**
 * At most `maxPoints` points of (xs, ys), in order: the first and last finite points, and the minimum
 * and maximum of each of ⌊(maxPoints − 2)/2⌋ equal index buckets between them, so spikes survive.
 * Non-finite points are skipped (a gap is bridged). Assumes xs ascending.
 */
export function downsampleMinMax(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  maxPoints: number,
): { xs: Float64Array; ys: Float64Array } {
  const n = Math.min(xs.length, ys.length);
  const ok = (i: number): boolean => Number.isFinite(xs[i]) && Number.isFinite(ys[i]);
  const keep: number[] = [];
  let first = 0;
  while (first < n && !ok(first)) first++;
  let last = n - 1;
  while (last > first && !ok(last)) last--;
  const limit = Math.max(1, Math.floor(maxPoints));
  if (first < n) {
    let finite = 0;
    for (let i = first; i <= last; i++) if (ok(i)) finite++;
    if (finite <= limit) {
      for (let i = first; i <= last; i++) if (ok(i)) keep.push(i);
    } else {
      keep.push(first);
      const buckets = Math.floor((limit - 2) / 2);
      const span = last - first - 1;
      for (let b = 0; b < buckets; b++) {
        const from = first + 1 + Math.floor((b * span) / buckets);
        const to = first + 1 + Math.floor(((b + 1) * span) / buckets);
        let lo = -1;
        let hi = -1;
        for (let i = from; i < to; i++) {
          if (!ok(i)) continue;
          if (lo < 0 || (ys[i] as number) < (ys[lo] as number)) lo = i;
          if (hi < 0 || (ys[i] as number) > (ys[hi] as number)) hi = i;
        }
        if (lo >= 0) keep.push(Math.min(lo, hi));
        if (hi >= 0 && hi !== lo) keep.push(Math.max(lo, hi));
      }
      if (limit >= 2 && last !== first) keep.push(last);
    }
  }
  const out = { xs: new Float64Array(keep.length), ys: new Float64Array(keep.length) };
  keep.forEach((i, k) => {
    out.xs[k] = xs[i] as number;
    out.ys[k] = ys[i] as number;
  });
  return out;
}

/**
 * A history of (step, value₁ … valueₖ) rows in Float64Array columns that never holds more than `capacity`
 * rows, however long the run. Row 0 is always the first push. The rest are buckets of `stride` pushes
 * each (the bucket's last step, the mean of its finite values; NaN when none was finite); when they fill
 * the buffer, adjacent pairs merge (the later step, the mean of the two) and the stride doubles, so the
 * whole run stays covered at an even resolution.
 *
 * The last row is always the latest push, exactly: the newest bucket shows its latest push while it
 * fills, and becomes the mean of its pushes only when the next push opens a new bucket. Why: a chart's
 * last point is read beside the lab's summary ("step 263: accuracy 99.3 %"), and a bucket mean there
 * would disagree with it by however many pushes the bucket happened to hold.
 */
export class BoundedHistory {
  readonly capacity: number;
  readonly series: number;
  #steps: Float64Array;
  #values: Float64Array[];
  #sums: Float64Array;
  #counts: Float64Array;
  #committed = 0;
  #pending = 0;
  #stride = 1;

  /** capacity ≥ 4 rows; series = k values per push. */
  constructor(capacity: number, series: number) {
    if (!Number.isInteger(capacity) || capacity < 4)
      throw new RangeError(`capacity must be an integer ≥ 4, got ${capacity}`);
    if (!Number.isInteger(series) || series < 1) throw new RangeError(`series must be an integer ≥ 1, got ${series}`);
    this.capacity = capacity;
    this.series = series;
    this.#steps = new Float64Array(capacity);
    this.#values = Array.from({ length: series }, () => new Float64Array(capacity));
    this.#sums = new Float64Array(series);
    this.#counts = new Float64Array(series);
  }

  /** Rows currently held (≤ capacity), the filling bucket included. */
  get length(): number {
    return this.#committed + (this.#pending > 0 ? 1 : 0);
  }

  /** Pushes per bucket: 1 until the first merge, then 2, 4, 8 … */
  get stride(): number {
    return this.#stride;
  }

  /** Records one step; `values` must have exactly `series` entries. */
  push(step: number, values: ArrayLike<number>): void {
    if (values.length !== this.series) throw new RangeError(`expected ${this.series} values, got ${values.length}`);
    // Row 0 holds the first push alone; a later bucket closes (its row becomes its mean) when it is full
    // and the next push arrives, so the bucket on show always ends at the latest push.
    if (this.#pending > 0 && (this.#committed === 0 || this.#pending === this.#stride)) this.#close();
    for (let s = 0; s < this.series; s++) {
      const v = values[s] as number;
      if (Number.isFinite(v)) {
        this.#sums[s]! += v;
        this.#counts[s]! += 1;
      }
      this.#values[s]![this.#committed] = v;
    }
    this.#steps[this.#committed] = step;
    this.#pending++;
  }

  /** The steps of the held rows: a view, valid until the next push or clear (copy it to keep it). */
  steps(): Float64Array {
    return this.#steps.subarray(0, this.length);
  }

  /** Series i of the held rows: a view, valid until the next push or clear (copy it to keep it). */
  column(i: number): Float64Array {
    const col = this.#values[i];
    if (col === undefined) throw new RangeError(`no series ${i} (have ${this.series})`);
    return col.subarray(0, this.length);
  }

  /** All series as one series × length row-major matrix (row = series), e.g. for a heatmap. A fresh copy. */
  rowMajor(): Float64Array {
    const n = this.length;
    const out = new Float64Array(this.series * n);
    this.#values.forEach((col, s) => out.set(col.subarray(0, n), s * n));
    return out;
  }

  /** Forgets everything; the capacity is kept. */
  clear(): void {
    this.#committed = 0;
    this.#pending = 0;
    this.#stride = 1;
    this.#sums.fill(0);
    this.#counts.fill(0);
  }

  /** Writes the filling bucket's mean into its row and starts a new bucket; merges pairs when the rows are full. */
  #close(): void {
    const row = this.#committed;
    for (let s = 0; s < this.series; s++) {
      this.#values[s]![row] = this.#counts[s]! > 0 ? this.#sums[s]! / this.#counts[s]! : Number.NaN;
    }
    this.#committed++;
    this.#pending = 0;
    this.#sums.fill(0);
    this.#counts.fill(0);
    if (this.#committed - 1 === this.#mergeable()) this.#halve();
  }

  /**
   * Closed buckets after row 0 that trigger a merge: an even count, so every pair merges and none is left at a
   * finer resolution, with one row to spare for the bucket that fills next.
   */
  #mergeable(): number {
    const m = this.capacity - 2;
    return m - (m % 2);
  }

  /** Merges buckets (1,2), (3,4), …: keeps the later step and the mean of the finite values. */
  #halve(): void {
    const pairs = (this.#committed - 1) / 2;
    for (let j = 0; j < pairs; j++) {
      const a = 1 + 2 * j;
      const to = 1 + j;
      this.#steps[to] = this.#steps[a + 1]!;
      for (const col of this.#values) col[to] = meanOfFinite(col[a]!, col[a + 1]!);
    }
    this.#committed = 1 + pairs;
    this.#stride *= 2;
  }
}

/** (a + b)/2 over whichever of a, b is finite; NaN when neither is. */
function meanOfFinite(a: number, b: number): number {
  const fa = Number.isFinite(a);
  const fb = Number.isFinite(b);
  if (fa && fb) return (a + b) / 2;
  return fa ? a : fb ? b : Number.NaN;
}
