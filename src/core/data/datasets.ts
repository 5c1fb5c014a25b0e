/**
 * Seeded 2-D classification datasets. Coordinates: every generator places its clean points inside
 * [−1, 1]²; `noise` is the standard deviation of Gaussian jitter added to each coordinate, in the
 * same units (so noise 0.1 blurs by a tenth of the half-width). Labels are class indices 0..k−1,
 * balanced (point i belongs to class i mod k before the shuffle that makes the train/test split).
 * Kind "points" carries its points instead of a generator's name (a reader's own data): they are used as
 * given, and the same seeded shuffle splits them.
 */
import { isOneOf } from "../checks.ts";
import { DATASET_KINDS, MULTICLASS_DATASETS, type DatasetKind } from "../names.ts";
import { createRng, shuffle, type Rng } from "./rng.ts";

export { DATASET_KINDS, MULTICLASS_DATASETS, type DatasetKind };

/** True when s is one of DATASET_KINDS. */
export function isDatasetKind(s: unknown): s is DatasetKind {
  return isOneOf(DATASET_KINDS, s);
}

/** The kind of a dataset that carries its own points (see DatasetConfig.points). */
export const POINTS_KIND = "points";

/** A generator's name, or POINTS_KIND. */
export type DatasetSource = DatasetKind | typeof POINTS_KIND;

/** Points given as data: x is [x₁, x₂, x₁, x₂, …] (2n numbers), labels n class indices. */
export interface PointsData {
  x: number[];
  labels: number[];
}

/**
 * Plain dataset settings: n points in all, split into train and test. classes applies to blobs, spirals
 * and points. Kind "points" takes its n points from `points` (noise must be 0: they are used as given).
 */
export interface DatasetConfig {
  kind: DatasetSource;
  n: number;
  noise: number;
  classes?: number;
  testFraction: number;
  points?: PointsData;
}

/** A set of points: x is n×2 row-major, labels holds class indices. */
export interface Split {
  readonly n: number;
  readonly x: Float64Array;
  readonly labels: Int32Array;
}

/** A generated dataset. */
export interface Dataset {
  readonly kind: DatasetSource;
  readonly classes: number;
  readonly train: Split;
  readonly test: Split;
}

/** Writes the clean point of class c (of k) into out[o], out[o + 1]. */
type Generator = (rng: Rng, c: number, k: number, out: Float64Array, o: number) => void;

/** ±(0.1 … 1): uniform magnitude kept away from the axis so XOR quadrants do not touch. */
function awayFromAxis(rng: Rng, sign: number): number {
  return sign * (0.1 + 0.9 * rng.next());
}

const GENERATORS: Record<DatasetKind, Generator> = {
  /** Class 0 in quadrants I and III (x·y > 0), class 1 in II and IV. */
  xor(rng, c, _k, out, o) {
    const sx = rng.next() < 0.5 ? -1 : 1;
    out[o] = awayFromAxis(rng, sx);
    out[o + 1] = awayFromAxis(rng, c === 0 ? sx : -sx);
  },
  /** Class 0 a disc of radius 0.5, class 1 a ring between radii 0.7 and 1. */
  circles(rng, c, _k, out, o) {
    const r = c === 0 ? 0.5 * Math.sqrt(rng.next()) : 0.7 + 0.3 * rng.next();
    const t = 2 * Math.PI * rng.next();
    out[o] = r * Math.cos(t);
    out[o + 1] = r * Math.sin(t);
  },
  /** scikit-learn's two moons, (cos t, sin t) and (1 − cos t, ½ − sin t), mapped by (x − ½)/1.5, (y − ¼)/1.5. */
  moons(rng, c, _k, out, o) {
    const t = Math.PI * rng.next();
    const x = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    out[o] = (x - 0.5) / 1.5;
    out[o + 1] = (y - 0.25) / 1.5;
  },
  /** k Gaussian blobs (σ = 0.12) centred on a circle of radius 0.6. */
  blobs(rng, c, k, out, o) {
    const t = (2 * Math.PI * c) / k + Math.PI / 4;
    out[o] = 0.6 * Math.cos(t) + 0.12 * rng.normal();
    out[o + 1] = 0.6 * Math.sin(t) + 0.12 * rng.normal();
  },
  /** k interleaved arms, each turning 1.25 times from radius 0.05 to 0.95. */
  spirals(rng, c, k, out, o) {
    const s = rng.next();
    const r = 0.05 + 0.9 * s;
    const t = (2 * Math.PI * c) / k + 2.5 * Math.PI * s;
    out[o] = r * Math.cos(t);
    out[o + 1] = r * Math.sin(t);
  },
  /** Uniform in the square, class by side of the line x + 0.5y = 0 with a 0.1 margin left empty. */
  linear(rng, c, _k, out, o) {
    for (;;) {
      const x = 2 * rng.next() - 1;
      const y = 2 * rng.next() - 1;
      const side = (x + 0.5 * y) / Math.hypot(1, 0.5);
      if ((c === 0 ? -side : side) > 0.1) {
        out[o] = x;
        out[o + 1] = y;
        return;
      }
    }
  },
};

/** The class count a config implies: its `classes` for blobs and spirals (default 3) and points (default 2), else 2. */
export function datasetClasses(config: DatasetConfig): number {
  if (config.kind === POINTS_KIND) return config.classes ?? 2;
  return (MULTICLASS_DATASETS as readonly string[]).includes(config.kind) ? (config.classes ?? 3) : 2;
}

/**
 * Generates config.n points from `seed` and jitters them (or takes kind "points"' own), shuffles them with the
 * seed's generator and splits off round(n·testFraction) for test.
 */
export function makeDataset(config: DatasetConfig, seed: number): Dataset {
  const rng = createRng(seed);
  const k = datasetClasses(config);
  const n = config.n;
  const x = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  if (config.kind === POINTS_KIND) {
    const given = config.points ?? { x: [], labels: [] };
    if (given.x.length !== 2 * n || given.labels.length !== n)
      throw new Error(`dataset.points must hold ${n} points (2n coordinates and n labels).`);
    x.set(given.x);
    labels.set(given.labels);
  } else {
    const gen = GENERATORS[config.kind];
    for (let i = 0; i < n; i++) {
      const c = i % k;
      gen(rng, c, k, x, 2 * i);
      x[2 * i] = x[2 * i]! + config.noise * rng.normal();
      x[2 * i + 1] = x[2 * i + 1]! + config.noise * rng.normal();
      labels[i] = c;
    }
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffle(rng, order);
  const nTest = Math.round(n * config.testFraction);
  const take = (from: number, count: number): Split => {
    const sx = new Float64Array(2 * count);
    const sl = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const src = order[from + i]!;
      sx[2 * i] = x[2 * src]!;
      sx[2 * i + 1] = x[2 * src + 1]!;
      sl[i] = labels[src]!;
    }
    return { n: count, x: sx, labels: sl };
  };
  return { kind: config.kind, classes: k, train: take(nTest, n - nTest), test: take(0, nTest) };
}

/**
 * Targets for a head with m outputs. m = 1 (binary): y = 1 for class 1, `negative` for class 0 ({0, 1} for
 * sigmoid/BCE heads, {−1, 1} for tanh). m > 1: one-hot rows, `negative` off the label. labels: n, y: n×m
 * (a Float32Array for a float32 network: the targets are exact in it).
 */
export function encodeTargets(
  labels: Int32Array,
  n: number,
  m: number,
  negative: number,
  y: Float64Array | Float32Array,
): void {
  if (m === 1) {
    for (let i = 0; i < n; i++) y[i] = labels[i] === 1 ? 1 : negative;
    return;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) y[i * m + j] = labels[i] === j ? 1 : negative;
  }
}

/** One-hot rows for a softmax head: a new n×k array with 1 at each label's column. */
export function oneHot(labels: Int32Array, k: number): Float64Array {
  const y = new Float64Array(labels.length * k);
  encodeTargets(labels, labels.length, k, 0, y);
  return y;
}

/** {0, 1} targets for a one-output binary head (class 1 → 1, class 0 → 0). */
export function binaryTargets(labels: Int32Array): Float64Array {
  const y = new Float64Array(labels.length);
  encodeTargets(labels, labels.length, 1, 0, y);
  return y;
}
