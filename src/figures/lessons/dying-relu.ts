/**
 * Lesson 6 (dying ReLU): dead units over the steps of the shock run, with and without a switch to Leaky ReLU; and,
 * in the negative-bias run, why switching revives units before any weight moves (layer 2's largest z per unit).
 */
import { createTrainer, getActivation, readLayer, type Trainer, type TrainerConfig } from "../../core/index.ts";
import { barChart } from "../bar-chart.ts";
import { lineChart } from "../line-chart.ts";
import type { FigureDefinition } from "../types.ts";

/**
 * The dying-ReLU lab's network for an initial bias, rebuilt from the core (a figure may not import labs/;
 * src/core/claims/dying-relu.test.ts checks it against the lab's presets through dyingReluSession): [2, 16, 16, 1]
 * ReLU, He-normal weights, every bias `bias`, a sigmoid output on BCE, full-batch SGD at 0.1, two moons (200 points,
 * noise 0.1, a quarter held out), seeds 3.
 */
export function drNetwork(bias: number): TrainerConfig {
  return {
    layers: [2, 16, 16, 1],
    hidden: "relu",
    alpha: 0.2,
    head: "sigmoid",
    loss: "bce",
    init: { kind: "he-normal", bias },
    optimizer: { kind: "sgd", lr: 0.1 },
    batchSize: "full",
    seeds: { data: 3, init: 3, batch: 3 },
    precision: "float64",
    dataset: { kind: "moons", n: 200, noise: 0.1, testFraction: 0.25 },
  };
}

/** When the lab opens (its warm-up), the shock's learning rate, Leaky ReLU's slope, and the steps drawn. */
export const TIMELINE = { open: 100, shockRate: 50, alpha: 0.2, end: 300 } as const;

/** Units of each hidden layer with z ≤ 0 on every training example, as the trainer last measured them. */
export function deadPerLayer(t: Trainer): number[] {
  return t.diagnostics.layers.slice(0, -1).map((l) => l.deadUnits);
}

/** Trains to `open`, shocks, optionally switches to Leaky ReLU (measuring the same weights again, as the lab does). */
function shockRun(leaky: boolean): { t: Trainer; rows: Map<number, number[]> } {
  const t = createTrainer(drNetwork(0), { every: 1 });
  t.evaluate();
  const rows = new Map<number, number[]>([[0, deadPerLayer(t)]]);
  const measure = () => rows.set(t.steps, deadPerLayer(t));
  for (let s = 0; s < TIMELINE.open; s++) {
    t.step(1);
    measure();
  }
  t.setLearningRate(TIMELINE.shockRate);
  t.step(1);
  t.setLearningRate(0.1);
  t.evaluate();
  measure();
  if (leaky) {
    t.setHiddenActivation("leaky-relu", TIMELINE.alpha);
    t.evaluate();
    measure();
  }
  while (t.steps < TIMELINE.end) {
    t.step(1);
    measure();
  }
  return { t, rows };
}

/** The shock run's dead units per layer at every step, under ReLU throughout and with the switch after the shock. */
export function shockTimeline(): { relu: Map<number, number[]>; leaky: Map<number, number[]> } {
  return { relu: shockRun(false).rows, leaky: shockRun(true).rows };
}

/** Dead units per step, both layers, with and without the switch to Leaky ReLU right after the shock. */
export const deadUnitsShock: FigureDefinition = (() => {
  const { relu, leaky } = shockTimeline();
  const shocked = TIMELINE.open + 1;
  // Every other step, plus the steps either side of the shock, so the jumps are drawn where they happen.
  const steps = [...relu.keys()].filter((s) => s % 2 === 0 || s === shocked);
  const after = steps.filter((s) => s >= TIMELINE.open);
  const column = (rows: Map<number, number[]>, at: number[], l: number) =>
    Float64Array.from(at, (s) => rows.get(s)![l]!);
  const [r1, r2] = relu.get(shocked)!;
  const [l1, l2] = leaky.get(shocked)!;
  const lowest = Math.min(...after.filter((s) => s > shocked).map((s) => leaky.get(s)![1]!));
  const lowestAt = [...leaky.keys()].find((s) => s > shocked && leaky.get(s)![1] === lowest)!;
  const layer1 = new Set([...relu, ...leaky].filter(([s]) => s >= shocked).map(([, v]) => v[0]));
  return {
    id: "dead-units-shock",
    title: `Units with z ≤ 0 on every training example, per layer, steps 0 to ${TIMELINE.end}: ReLU, and Leaky ReLU after the shock`,
    caption:
      `The shock at step ${TIMELINE.open} leaves ${r1} dead units in layer 1 and ${r2} in layer 2. Switched to Leaky ` +
      `ReLU (α = ${TIMELINE.alpha}) right after, layer 2 drops to ${l2} before any weight moves, and to ${lowest} ` +
      `by step ${lowestAt}; layer 1 stays at ${[...layer1].join(" or ")} to step ${TIMELINE.end} under either activation.`,
    alt:
      `Line chart of the count of units (of 16) with z ≤ 0 on every example against the training step, 0 to ` +
      `${TIMELINE.end}, with a mark at the shock, step ${TIMELINE.open}. Before it layer 1 has 0 and layer 2 has ` +
      `${relu.get(TIMELINE.open)![1]}. Under ReLU, layer 1 jumps to ${r1} and stays there; layer 2 jumps to ${r2} and ` +
      `wobbles after. With the switch to Leaky ReLU, layer 1 also stays at ${l1}, while layer 2 falls at once to ` +
      `${l2}, then to ${lowest} by step ${lowestAt}.`,
    build() {
      return lineChart({
        // A little room on the right, so the last tick's label fits.
        x: { label: "step", min: 0, max: TIMELINE.end + 12 },
        y: { min: 0, max: 8, label: "units with z ≤ 0 everywhere" },
        series: [
          { label: "ReLU: layer 1", xs: Float64Array.from(steps), ys: column(relu, steps, 0), color: 1, dash: 0 },
          { label: "ReLU: layer 2", xs: Float64Array.from(steps), ys: column(relu, steps, 1), color: 2, dash: 0 },
          { label: "Leaky: layer 1", xs: Float64Array.from(after), ys: column(leaky, after, 0), color: 1, dash: 2 },
          { label: "Leaky: layer 2", xs: Float64Array.from(after), ys: column(leaky, after, 1), color: 2, dash: 1 },
        ],
        marks: [{ x: TIMELINE.open, label: "shock" }],
        tableRows: 11,
      });
    },
  };
})();

/** Each unit's largest pre-activation over the training set, hidden layer l (0-based), for hidden activation `act`. */
export function largestZ(t: Trainer, l: number, act: { f: (z: number) => number }): number[] {
  const { n, x } = t.dataset.train;
  let a = Array.from(x.subarray(0, 2 * n));
  let width = 2;
  for (let k = 0; ; k++) {
    const { W, b } = readLayer(t, k);
    const m = b.length;
    const z = new Array<number>(n * m);
    for (let r = 0; r < n; r++)
      for (let j = 0; j < m; j++) {
        let s = b[j]!;
        for (let i = 0; i < width; i++) s += a[r * width + i]! * W[i * m + j]!;
        z[r * m + j] = s;
      }
    if (k === l) return Array.from({ length: m }, (_, j) => Math.max(...z.filter((_, q) => q % m === j)));
    a = z.map(act.f);
    width = m;
  }
}

/** The negative-bias run when the lab opens: layer 2's largest z per unit under ReLU and, same weights, Leaky ReLU. */
export function negativeBiasSwitch(): { relu: number[]; leaky: number[] } {
  const t = createTrainer(drNetwork(-0.5));
  t.step(TIMELINE.open);
  return {
    relu: largestZ(t, 1, getActivation("relu")),
    leaky: largestZ(t, 1, getActivation("leaky-relu", TIMELINE.alpha)),
  };
}

/** Layer 2's units before and after the switch: a dead unit is one whose largest z is ≤ 0. */
export const negativeBiasLayer2: FigureDefinition = (() => {
  const { relu, leaky } = negativeBiasSwitch();
  const dead = (v: number[]) => v.filter((z) => z <= 0).length;
  const revived = relu.filter((z, j) => z <= 0 && leaky[j]! > 0).length;
  return {
    id: "negative-bias-switch",
    title: `Layer 2's units: each one's largest z over the training set at step ${TIMELINE.open}, under ReLU and under Leaky ReLU with the same weights`,
    caption:
      `Every bias started at −0.5. At step ${TIMELINE.open}, ${dead(relu)} of layer 2's 16 units have z ≤ 0 on ` +
      `every example (bars below 0). Switch to Leaky ReLU (α = ${TIMELINE.alpha}) and change nothing else: layer 1's ` +
      `inactive units now pass αz instead of 0, so layer 2 receives different inputs, and ${revived} of those units ` +
      `have a positive z again, leaving ${dead(leaky)}. No weight has moved.`,
    alt:
      `Grouped bar chart, one group per unit of layer 2 (1 to 16), two bars each: the unit's largest pre-activation ` +
      `under ReLU and under Leaky ReLU. Under ReLU ${dead(relu)} bars are at or below 0; under Leaky ReLU ` +
      `${dead(leaky)} are. The bars of ${revived} units cross from below 0 to above it.`,
    build() {
      return barChart({
        categories: relu.map((_, j) => String(j + 1)),
        series: [
          { label: "ReLU", values: relu, color: 2 },
          { label: `Leaky ReLU, α = ${TIMELINE.alpha}`, values: leaky, color: 1 },
        ],
        x: { label: "unit of layer 2" },
        y: { min: -1, max: 1, label: "largest z" },
      });
    },
  };
})();
