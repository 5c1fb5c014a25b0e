/**
 * PyTorch facts from PyTorch. pytorch-facts.json is computed by real torch (scripts/pytorch-facts.py, run with
 * `npm run facts:pytorch`; CI has no torch, so it is committed). These tests check two things against it:
 * the core's float64 activations and losses give torch's float64 numbers, and each sentence of the course that
 * says what PyTorch does quotes the fixture's number. A sentence about "PyTorch" without a dtype means float32.
 * Each sentence test is named after the sentence it guards, finds it in the course's text, and checks that it
 * contains the number formatted from the fixture (and, where the sentence says more, that the fixture shows it).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  BCE_LOG_CLAMP,
  binaryCrossEntropy,
  crossEntropyRow,
  DEFAULT_ELU_ALPHA,
  DEFAULT_LEAKY_ALPHA,
  getActivation,
  lossValue,
  normalCdf,
  sigmoid,
  sigmoidDerivative,
  softmaxRows,
  tanhDerivative,
  type ActivationName,
  type LossName,
} from "../index.ts";
import facts from "./pytorch-facts.json" with { type: "json" };

const ROOT = new URL("../../../", import.meta.url);
const LESSON = {
  l01: "content/lessons/01-should-this-neuron-fire/index.mdx",
  l02: "content/lessons/02-step-and-sigmoid/index.mdx",
  l03: "content/lessons/03-vanishing-gradients/index.mdx",
  l04: "content/lessons/04-tanh/index.mdx",
  l05: "content/lessons/05-relu/index.mdx",
  l06: "content/lessons/06-dying-relu/index.mdx",
  l07: "content/lessons/07-leaky-relu-and-friends/index.mdx",
  l08: "content/lessons/08-output-layers-and-losses/index.mdx",
  l09: "content/lessons/09-cheat-sheet/index.mdx",
  glossary: "content/reference/glossary.mdx",
  notation: "content/reference/notation.mdx",
  teacherLosses: "content/teacher/output-layers-and-losses.mdx",
  teacherRelu: "content/teacher/relu.mdx",
} as const;

/** The sentences of a course file: paragraphs split at . ? ! (table rows one by one), whitespace collapsed, − as -. */
function sentences(file: string): string[] {
  const text = readFileSync(new URL(file, ROOT), "utf8").replaceAll("\u2212", "-");
  return text
    .split(/\n\s*\n/)
    .flatMap((para) =>
      para.split("\n").some((line) => line.trimStart().startsWith("|"))
        ? para.split("\n")
        : para.replace(/\s+/g, " ").split(/(?<=[.?!]\)?)\s+/),
    )
    .map((s) => s.replace(/\s+/g, " ").trim());
}

/** The one sentence of `file` that contains `find` (the test fails if there is none, or more than one). */
function sentence(file: string, find: string): string {
  const hits = sentences(file).filter((s) => s.includes(find.replaceAll("\u2212", "-")));
  expect(hits, `sentences of ${file} containing "${find}"`).toHaveLength(1);
  return hits[0]!;
}

/** x with d decimals, as the lessons write it. */
const fixed = (x: number, d: number): string => x.toFixed(d);
/** x in LaTeX scientific notation with `digits` significant digits: −4.2\times10^{-6}. */
function sci(x: number, digits: number): string {
  const [mantissa, exponent] = x.toExponential(digits - 1).split("e");
  return `${mantissa}\\times10^{${Number(exponent)}}`;
}

const grid32 = facts.activations.z.float32;
const at0 = grid32.indexOf(0);
/** torch's activation entry for a core name (and α, for the ones that have one). */
function torchActivation(name: ActivationName, alpha: number | null = null) {
  const entry = facts.activations.functions.find((f) => f.name === name && f.alpha === alpha);
  if (!entry) throw new Error(`no ${name} (α = ${alpha}) in pytorch-facts.json`);
  return entry;
}
const relu0 = torchActivation("relu").float32.df[at0]!;
const defaults = facts.module_defaults;
const sigmoid32 = facts.sigmoid.float32;
const bce32 = facts.bce_loss.float32;
const sigmoidBce32 = facts.sigmoid_bce.float32;
const caseAt = (z: number) => sigmoidBce32.cases.find((c) => c.z === z)!;
const ce32 = facts.cross_entropy.float32;
const ce64 = facts.cross_entropy.float64;
/** The version the fixture's text note gives for soft targets (not computed: torch here is one version). */
const softSince = /PyTorch (\d+\.\d+)/.exec(facts.cross_entropy.soft_targets_note)![1]!;
/** BCELoss's floor under p(1 − p), read off its gradient at p = 0, y = 1: ∂L/∂p = (0 − 1)/floor. */
const bceFloor32 = -1 / bce32.cases.find((c) => c.p === 0 && c.y === 1)!.grad_p;

/** Both dtypes accepted the soft target, and used it as a distribution: −Σ y_j log p_j, not as an index. */
function softAccepted(): void {
  for (const ce of [ce32, ce64]) expect(Number.isFinite(ce.soft_target.loss)).toBe(true);
  const expected = -facts.cross_entropy.soft_target.reduce(
    (s, y, j) => s + y * Math.log(ce64.on_logits.softmax[j]!),
    0,
  );
  expectRelative(ce64.soft_target.loss, expected, "soft target against −Σ y log p");
}

/** Every component of the gradient at the logits is smaller in size when the logits are softmaxed first. */
function softmaxFirstIsFlatter(): void {
  ce32.softmax_first.grad.forEach((g, j) => expect(Math.abs(g)).toBeLessThan(Math.abs(ce32.on_logits.grad[j]!)));
}

/** torch's Leaky ReLU slope at 0 is α (in float32, α rounded to float32). */
function leakyKinkIsAlpha(): void {
  for (const alpha of [0.01, 0.2]) {
    const entry = torchActivation("leaky-relu", alpha);
    expect(entry.float32.df[at0]).toBe(Math.fround(alpha));
    expect(entry.float64.df[at0]).toBe(alpha);
  }
}

/** nn.Linear's weight is out × in and the layer computes x·Wᵀ + b. */
function linearLayout(): void {
  const l = facts.linear_layout;
  expect(l.weight_shape).toEqual([l.out_features, l.in_features]);
  expect(l.output_equals_x_weight_transposed_plus_bias).toBe(true);
}

/** One sentence of the course that says what PyTorch does, and how to check it against the fixture. */
interface SentenceClaim {
  file: string;
  /** Words that find the sentence; they do not contain the number checked. */
  find: string;
  /** The sentence as the course says it: the test's name. */
  says: string;
  /** What the sentence must contain, formatted from the fixture. */
  quotes: () => string[];
  /** The rest of what the sentence says, checked in the fixture. */
  holds?: () => void;
}

const SENTENCES: SentenceClaim[] = [
  {
    file: LESSON.l08,
    find: "`nn.BCELoss` clamps each logarithm at",
    says: "nn.BCELoss clamps each logarithm at −100",
    quotes: () => [`$${bce32.log_clamp}$`],
    holds: () => {
      for (const c of bce32.cases) expect(c.loss).toBe(c.p === c.y ? 0 : -bce32.log_clamp);
    },
  },
  {
    file: LESSON.l08,
    find: "and $y = 1$, `nn.BCELoss` reports a loss of",
    says: "So for z = −200 and y = 1, nn.BCELoss reports a loss of 100 while nn.BCEWithLogitsLoss reports the true value, 200",
    quotes: () => [
      `$z = ${caseAt(-200).z}$`,
      `a loss of ${caseAt(-200).sigmoid_bce.loss} while`,
      `the true value, ${caseAt(-200).bce_with_logits.loss}.`,
    ],
  },
  {
    file: LESSON.l08,
    find: "The clamp bites whenever",
    says: "The clamp bites whenever log a < −100, that is for z below −100, whether or not a has rounded to 0, in float64 too",
    quotes: () => ["in float64 too"],
    holds: () => {
      const c = facts.sigmoid_bce.float64.cases.find((k) => k.z === -200)!;
      expect([c.sigmoid_bce.loss, c.bce_with_logits.loss]).toEqual([-facts.bce_loss.float64.log_clamp, 200]);
      expect(sigmoid(-200)).toBeGreaterThan(0);
    },
  },
  {
    file: LESSON.l08,
    find: "In PyTorch's default float32 the cap comes sooner",
    says: "In PyTorch's default float32 the cap comes sooner: torch.sigmoid is exactly 0, and so is its gradient, for z below about −88.72, where e^(−z) overflows, and the loss jumps to 100 there",
    quotes: () => [`below about $${fixed(sigmoid32.first_zero.z, 2)}$`, `jumps to ${-bce32.log_clamp} there`],
    holds: () => {
      expect([sigmoid32.first_zero.value, sigmoid32.first_zero.grad]).toEqual([0, 0]);
      expect(bce32.cases.find((c) => c.p === 0 && c.y === 1)!.loss).toBe(-bce32.log_clamp);
    },
  },
  {
    file: LESSON.l08,
    find: "`nn.BCEWithLogitsLoss` stays finite even at logits of",
    says: "In PyTorch's float32, nn.BCEWithLogitsLoss stays finite even at logits of ±1000, with gradient σ(z) − y",
    quotes: () => ["logits of $\\pm 1000$, with gradient $\\sigma(z) - y$"],
    holds: () => {
      const cases = facts.bce_with_logits.float32;
      expect(new Set(cases.map((c) => Math.abs(c.z)))).toContain(1000);
      for (const c of cases) {
        expect(Number.isFinite(c.loss)).toBe(true);
        expect(c.grad_z).toBeCloseTo(sigmoid(c.z) - c.y, 6);
      }
    },
  },
  {
    file: LESSON.l08,
    find: "rounds to $\\pm 1$ for",
    says: "(In PyTorch's float32 it is exactly 0: torch.tanh rounds to ±1 for |z| beyond about 9.01, and autograd computes the slope as 1 − tanh².)",
    quotes: () => [`beyond about ${fixed(facts.tanh.float32.first_one.z, 2)}`],
    holds: () => {
      const t = facts.saturation_gradients.tanh;
      expect(t.float32[t.z.indexOf(10)]).toBe(0);
      expect([facts.tanh.float32.first_one.grad, facts.tanh.float32.last_minus_one.grad]).toEqual([0, 0]);
    },
  },
  {
    file: LESSON.l08,
    find: "for a class index, takes the true class",
    says: "Inside, it computes log-softmax with the log-sum-exp trick and then, for a class index, takes the true class's entry (for class probabilities, the sum −Σ y_j log p_j)",
    quotes: () => ["for a class index, takes the true class's entry", "for class probabilities, the sum"],
    holds: () => {
      expectRelative(
        ce64.on_logits.loss,
        -Math.log(ce64.on_logits.softmax[facts.cross_entropy.target]!),
        "index target",
      );
      softAccepted();
    },
  },
  {
    file: LESSON.notation,
    find: "take the logits, not $p$",
    says: "PyTorch's nn.BCEWithLogitsLoss and nn.CrossEntropyLoss take the logits, not p",
    quotes: () => ["`nn.BCEWithLogitsLoss` and `nn.CrossEntropyLoss` take the logits, not $p$"],
    holds: () => {
      // Given probabilities instead, CrossEntropyLoss softmaxes them again: a different (larger) loss.
      expect(ce32.softmax_first.loss).toBeGreaterThan(ce32.on_logits.loss);
      softmaxFirstIsFlatter();
    },
  },
  {
    file: LESSON.l08,
    find: "To keep the first factor finite, PyTorch floors",
    says: "To keep the first factor finite, PyTorch floors a(1 − a) at 10⁻¹²",
    quotes: () => [`at $10^{${Math.round(Math.log10(bceFloor32))}}$`],
    // The floor is 1e-12 rounded to float32 (2⁻²⁴ relative), read back through one more float32 division.
    holds: () => expect(Math.abs(bceFloor32 / 1e-12 - 1)).toBeLessThan(2 ** -22),
  },
  {
    file: LESSON.l08,
    find: "falls below that floor (for $z$ below about",
    says: "Once σ′(z) falls below that floor (for z below about −28) the two factors no longer cancel: at z = −40, y = 1 the gradient is about −4.2×10⁻⁶ instead of −1",
    quotes: () => [
      `below about $${Math.round(sigmoidBce32.chained_grad_below_99_percent_from_z)}$`,
      `the gradient is about $${sci(caseAt(-40).sigmoid_bce.grad_z, 2)}$`,
      `instead of $${caseAt(-40).bce_with_logits.grad_z}$`,
    ],
    // Above the threshold they do cancel: at z = −27 the two modules give BCEWithLogitsLoss's gradient.
    holds: () => expect(caseAt(-27).sigmoid_bce.grad_z).toBe(caseAt(-27).bce_with_logits.grad_z),
  },
  {
    file: LESSON.l08,
    find: "expects the **raw logits** and, as the target,",
    says: "nn.CrossEntropyLoss expects the raw logits and, as the target, the class index (or, since PyTorch 1.10, a row of class probabilities)",
    quotes: () => ["the class index", `since PyTorch ${softSince}, a row of class probabilities`],
    holds: softAccepted,
  },
  {
    file: LESSON.l08,
    find: "so even a perfect prediction",
    says: "It still trains, after a fashion, but badly: … even a perfect prediction [1, 0, 0] scores a loss of log(1 + 2/e) ≈ 0.551 with three classes instead of 0, and the extra softmax multiplies every gradient by its Jacobian",
    quotes: () => [`\\approx ${fixed(ce32.perfect_probabilities.loss, 3)}$ with three classes`],
    holds: () => {
      expect(ce32.perfect_probabilities.loss).toBeCloseTo(Math.log(1 + 2 / Math.E), 6);
      softmaxFirstIsFlatter();
    },
  },
  {
    file: LESSON.l08,
    find: "(The split form also exists",
    says: "(The split form also exists: nn.LogSoftmax followed by nn.NLLLoss is exactly nn.CrossEntropyLoss.)",
    quotes: () => ["is exactly `nn.CrossEntropyLoss`"],
    holds: () => {
      expect(ce32.log_softmax_then_nll_equals).toBe(true);
      expect(ce64.log_softmax_then_nll_equals).toBe(true);
    },
  },
  {
    file: LESSON.l08,
    find: "The training loss never drops below",
    says: "The training loss never drops below about 0.55, even when the accuracy reaches 100%",
    quotes: () => [`below about ${fixed(ce32.perfect_probabilities.loss, 2)},`],
  },
  {
    file: LESSON.l08,
    find: "Even a perfect output [1, 0, 0] then gives",
    says: "Even a perfect output [1, 0, 0] then gives −log(e/(e + 2)) = log(1 + 2/e) ≈ 0.551",
    quotes: () => [`\\approx ${fixed(ce32.perfect_probabilities.loss, 3)}"`],
  },
  {
    file: LESSON.l09,
    find: "`nn.CrossEntropyLoss()` (class indices",
    says: "| one of k classes | softmax | nn.Linear(…, k), k logits | nn.CrossEntropyLoss() (class indices or class probabilities) | p − y |",
    quotes: () => ["(class indices or class probabilities)"],
    holds: softAccepted,
  },
  {
    file: LESSON.l09,
    find: "A second softmax weakens every gradient",
    says: "A second softmax weakens every gradient, and with three classes even a perfect prediction then scores log(1 + 2/e) ≈ 0.551 instead of 0",
    quotes: () => [`\\approx ${fixed(ce32.perfect_probabilities.loss, 3)}$ instead of 0`],
    holds: softmaxFirstIsFlatter,
  },
  {
    file: LESSON.l09,
    find: "`nn.BCELoss` clamps the log at",
    says: "nn.BCELoss clamps the log at −100, and the gradient through the two modules fades once z is below about −28",
    quotes: () => [
      `clamps the log at $${bce32.log_clamp}$`,
      `below about $${Math.round(sigmoidBce32.chained_grad_below_99_percent_from_z)}$`,
    ],
  },
  {
    file: LESSON.l09,
    find: "a kink at 0 (PyTorch uses slope",
    says: "| ReLU | … | a kink at 0 (PyTorch uses slope 0 there) | nn.ReLU() … |",
    quotes: () => [`(PyTorch uses slope ${relu0} there)`],
  },
  {
    file: LESSON.l09,
    find: "there (PyTorch: slope",
    says: "It has one kink; frameworks use a subgradient there (PyTorch: slope 0), and a pre-activation that is exactly 0 is rare",
    quotes: () => [`(PyTorch: slope ${relu0})`],
  },
  {
    file: LESSON.glossary,
    find: "(takes the probability and clamps each log at",
    says: "BCE: PyTorch: nn.BCEWithLogitsLoss (takes the logit; use this one) or nn.BCELoss (takes the probability and clamps each log at −100)",
    quotes: () => [`clamps each log at $${bce32.log_clamp}$`],
  },
  {
    file: LESSON.glossary,
    find: "its target is the class index or",
    says: "Cross-entropy: PyTorch's nn.CrossEntropyLoss takes raw logits and applies log-softmax itself; its target is the class index or a row of class probabilities",
    quotes: () => ["a row of class probabilities"],
    holds: softAccepted,
  },
  {
    file: LESSON.glossary,
    find: "builds the one-hot vector implicitly",
    says: "One-hot: PyTorch's nn.CrossEntropyLoss takes the class index instead and builds the one-hot vector implicitly, or (since PyTorch 1.10) a row of class probabilities, one-hot or soft",
    quotes: () => [`(since PyTorch ${softSince}) a row of class probabilities`],
    holds: softAccepted,
  },
  {
    file: LESSON.glossary,
    find: "$\\alpha(e^{x} - 1)$ for $x \\le 0$ (PyTorch's default",
    says: "ELU: … (PyTorch's default α = 1)",
    quotes: () => [`(PyTorch's default $\\alpha = ${defaults["ELU.alpha"]}$)`],
  },
  {
    file: LESSON.glossary,
    find: "for a small slope $0 < \\alpha < 1$ (PyTorch default",
    says: "Leaky ReLU: f(x) = max(αx, x) for a small slope 0 < α < 1 (PyTorch default 0.01)",
    quotes: () => [`(PyTorch default ${defaults["LeakyReLU.negative_slope"]})`],
  },
  {
    file: LESSON.glossary,
    find: "PyTorch `nn.PReLU`, initial",
    says: "PReLU: … (He et al. 2015; PyTorch nn.PReLU, initial α = 0.25)",
    quotes: () => [`initial $\\alpha = ${defaults["PReLU.weight"]}$`],
  },
  {
    file: LESSON.glossary,
    find: "(PyTorch uses the [subgradient](#subgradient)",
    says: "ReLU: … not differentiable at 0 (PyTorch uses the subgradient 0 there)",
    quotes: () => [`[subgradient](#subgradient) ${relu0} there`],
  },
  {
    file: LESSON.glossary,
    find: "and PyTorch uses",
    says: "Subgradient: for ReLU that is anything in [0, 1], and PyTorch uses 0 (for Leaky ReLU, α)",
    quotes: () => [`PyTorch uses ${relu0} (for Leaky ReLU, $\\alpha$)`],
    holds: leakyKinkIsAlpha,
  },
  {
    file: LESSON.l04,
    find: "PyTorch takes the other route",
    says: "PyTorch's gradient of torch.tanh is exactly 0 wherever the output has rounded to ±1, which happens from |z| ≈ 9.01 on in float32 and from |z| ≈ 19.06 in float64 (at z = 20 the true slope is still 1.7×10⁻¹⁷)",
    quotes: () => [
      `from $|z| \\approx ${fixed(facts.tanh.float32.first_one.z, 2)}$ on in its default 32-bit floats`,
      `from $|z| \\approx ${fixed(facts.tanh.float64.first_one.z, 2)}$ in 64-bit ones`,
    ],
    holds: () => {
      for (const dtype of [facts.tanh.float32, facts.tanh.float64]) {
        expect([dtype.first_one.value, dtype.first_one.grad]).toEqual([1, 0]);
        expect([dtype.last_minus_one.value, dtype.last_minus_one.grad]).toEqual([-1, 0]);
        expect(dtype.last_below_one.grad).toBeGreaterThan(0);
      }
      const g = facts.saturation_gradients.tanh;
      expect(g.float64[g.z.indexOf(20)]).toBe(0);
      expect(tanhDerivative(20)).toBeCloseTo(1.7e-17, 18);
    },
  },
  {
    file: LESSON.l05,
    find: "the convention matters only for reproducibility: PyTorch",
    says: "PyTorch defines ReLU′(0) = 0 (the gradient passes only where z > 0)",
    quotes: () => [`PyTorch defines $\\mathrm{ReLU}'(0) = ${relu0}$`],
  },
  {
    file: LESSON.l05,
    find: "and PyTorch (like this course's",
    says: "Not differentiable at 0; any value in [0, 1] is a subgradient, and PyTorch (like this course's core) uses ReLU′(0) = 0",
    quotes: () => [`uses $\\mathrm{ReLU}'(0) = ${relu0}$`],
  },
  {
    file: LESSON.l06,
    find: "by PyTorch's convention,",
    says: "ReLU has slope 1 for z > 0 and slope 0 for z < 0 (and, by PyTorch's convention, 0 at z = 0 too)",
    quotes: () => [`by PyTorch's convention, ${relu0} at $z = 0$`],
  },
  {
    file: LESSON.l07,
    find: "PyTorch uses the slope",
    says: "(At x = 0 the function has a kink; PyTorch uses the slope α there, the same subgradient convention as for ReLU.)",
    quotes: () => ["PyTorch uses the slope $\\alpha$ there"],
    holds: leakyKinkIsAlpha,
  },
  {
    file: LESSON.l07,
    find: "which is PyTorch's default:",
    says: "The common choice is α = 0.01, which is PyTorch's default: nn.LeakyReLU(negative_slope=0.01)",
    quotes: () => [
      `$\\alpha = ${defaults["LeakyReLU.negative_slope"]}$, which is PyTorch's default: \`nn.LeakyReLU(negative_slope=${defaults["LeakyReLU.negative_slope"]})\``,
    ],
  },
  {
    file: LESSON.l07,
    find: "PyTorch: `nn.PReLU()`, with",
    says: "PyTorch: nn.PReLU(), with α starting at 0.25",
    quotes: () => [`starting at ${defaults["PReLU.weight"]}.`],
  },
  {
    file: LESSON.l07,
    find: "With PyTorch's default",
    says: "With PyTorch's default α = 1 (nn.ELU()) it is smooth at 0",
    quotes: () => [`With PyTorch's default $\\alpha = ${defaults["ELU.alpha"]}$ (\`nn.ELU()\`) it is smooth at 0`],
    // Smooth at 0: torch's slope at 0, α·e⁰, is the right-hand slope 1.
    holds: () => expect(torchActivation("elu", 1).float32.df[at0]).toBe(1),
  },
  {
    file: LESSON.l07,
    find: "PyTorch: `nn.GELU()`",
    says: 'PyTorch: nn.GELU() (exact) or nn.GELU(approximate="tanh")',
    quotes: () => ["`nn.GELU()` (exact)"],
    holds: () => expect(defaults["GELU.approximate"]).toBe("none"),
  },
  {
    file: LESSON.l07,
    find: "$0 < \\alpha < 1$ (PyTorch default",
    says: "Leaky ReLU is max(αx, x) with 0 < α < 1 (PyTorch default 0.01)",
    quotes: () => [`(PyTorch default ${defaults["LeakyReLU.negative_slope"]})`],
  },
  {
    file: LESSON.l03,
    find: "draws He's, using the",
    says: 'torch.nn.init.kaiming_normal_(w, nonlinearity="relu") draws He\'s, using the fan-in by default',
    quotes: () => ["using the fan-in by default"],
    holds: () => {
      const k = facts.kaiming_normal_relu;
      expect(k.fan_out).not.toBe(k.fan_in);
      expect(Math.abs(k.std_over_sqrt_2_over_fan_in - 1)).toBeLessThan(0.01);
      expect(Math.abs(k.std_over_sqrt_2_over_fan_out - 1)).toBeGreaterThan(0.5);
    },
  },
  {
    file: LESSON.l03,
    find: "`nn.Linear` stores its weight as",
    says: "nn.Linear stores its weight as out × in, the transpose of this course's W",
    quotes: () => ["stores its weight as `out × in`"],
    holds: linearLayout,
  },
  {
    file: LESSON.l02,
    find: "PyTorch's autograd computes the sigmoid's gradient from its output as",
    says: "PyTorch's autograd computes the sigmoid's gradient from its output as σ(1 − σ)",
    quotes: () => ["as σ(1 - σ)"],
    holds: () => {
      // In float64 its σ′ is exactly σ(1 − σ): 0 at z = 40 (σ rounds to 1), and that product at z = 10 and 20.
      const g = facts.saturation_gradients.sigmoid;
      g.z.forEach((z, i) => expect(g.float64[i]).toBe(sigmoid(z) * (1 - sigmoid(z))));
      expect(g.float64[g.z.indexOf(40)]).toBe(0);
    },
  },
  {
    file: LESSON.l02,
    find: "`torch.sigmoid` is exactly 1 from",
    says: "In float32, PyTorch's default, torch.sigmoid is exactly 1 from z ≈ 16.64 and exactly 0 below z ≈ −88.72, and the gradient there is exactly 0",
    quotes: () => [`from z ≈ ${fixed(sigmoid32.first_one.z, 2)}`, `below z ≈ ${fixed(sigmoid32.first_zero.z, 2)}`],
    holds: () => {
      expect([sigmoid32.first_one.value, sigmoid32.first_one.grad]).toEqual([1, 0]);
      expect([sigmoid32.first_zero.value, sigmoid32.first_zero.grad]).toEqual([0, 0]);
      expect(sigmoid32.last_positive.grad).toBeGreaterThan(0);
    },
  },
  {
    file: LESSON.l02,
    find: "`nn.Sigmoid` then `nn.BCELoss`, and autograd multiplies by",
    says: "The sigmoid + BCE row is stuck in float32 too, although BCE cancels σ′(z) on paper: PyTorch computes it as two steps, nn.Sigmoid then nn.BCELoss, and autograd multiplies by σ(1 − σ) = 0 all the same",
    quotes: () => ["autograd multiplies by $\\sigma(1 - \\sigma) = 0$ all the same"],
    holds: () => {
      // At z = 20 on class 0, σ is exactly 1 in float32: both chains give ∂L/∂z = 0 (BCELoss's loss is its clamp,
      // 100); in float64 BCE's gradient is a − y ≈ 1 and MSE's the tiny 2a·σ′(20).
      const top = facts.sigmoid_flat_top;
      expect([top.float32.sigmoid_mse.grad_z, top.float32.sigmoid_bce.grad_z]).toEqual([0, 0]);
      expect(top.float32.sigmoid_bce.loss).toBe(-BCE_LOG_CLAMP);
      expect(top.float64.sigmoid_bce.grad_z).toBeCloseTo(1, 8);
      // torch's σ(1 − σ) cancels in float64 too (1 − σ(20) ≈ 2e-9 keeps about 8 digits): equal to 1e-6.
      expect(top.float64.sigmoid_mse.grad_z / (2 * sigmoid(20) * sigmoidDerivative(20))).toBeCloseTo(1, 6);
    },
  },
  {
    file: LESSON.l01,
    find: "[torch.nn.Linear]",
    says: "PyTorch documentation: torch.nn.Linear, which computes xAᵀ + b for a batch of rows x",
    quotes: () => ["which computes $xA^\\top + b$"],
    holds: linearLayout,
  },
  {
    file: LESSON.notation,
    find: "`nn.Linear` stores its weight as",
    says: "PyTorch's nn.Linear stores its weight as n_out × n_in and computes xAᵀ + b",
    quotes: () => ["$n_{\\text{out}} \\times n_{\\text{in}}$ and computes $xA^\\top + b$"],
    holds: linearLayout,
  },
  {
    file: LESSON.teacherLosses,
    find: "PyTorch's BCELoss clamps the log at",
    says: "PyTorch's BCELoss clamps the log at −100, so it reports 100 for z = −200 even in float64, where σ(−200) ≈ 1.4e-87 is not 0",
    quotes: () => [`clamps the log at ${bce32.log_clamp},`, `reports ${-bce32.log_clamp} for z = -200 even in float64`],
    holds: () => {
      const c = facts.sigmoid_bce.float64.cases.find((k) => k.z === -200)!;
      expect([c.sigmoid_bce.loss, c.bce_with_logits.loss]).toEqual([100, 200]);
      expect(sigmoid(-200)).toBeGreaterThan(0);
    },
  },
  {
    file: LESSON.teacherLosses,
    find: "so in float32 tanh′(-10) is exactly 0",
    says: "Its autograd computes tanh′ as 1 − tanh², so in float32 tanh′(−10) is exactly 0, where the course's core gives 8e-9",
    quotes: () => ["so in float32 tanh′(-10) is exactly 0"],
    holds: () => {
      const t = facts.saturation_gradients.tanh;
      expect(t.float32[t.z.indexOf(10)]).toBe(0);
      expect(tanhDerivative(-10).toExponential(0)).toBe("8e-9");
    },
  },
  {
    file: LESSON.teacherRelu,
    find: "frameworks pick a subgradient (PyTorch uses",
    says: "Exactly 0 almost never happens in floating point, and frameworks pick a subgradient (PyTorch uses 0)",
    quotes: () => [`(PyTorch uses ${relu0})`],
  },
];

describe("the course's sentences about PyTorch quote pytorch-facts.json", () => {
  for (const claim of SENTENCES) {
    it(claim.says, () => {
      const s = sentence(claim.file, claim.find);
      for (const q of claim.quotes()) expect(s).toContain(q);
      claim.holds?.();
    });
  }
});

/** |a/b − 1| < 1e-12, or a = b exactly when b is 0. */
function expectRelative(a: number, b: number, label: string): void {
  if (b === 0) expect(a, label).toBe(b);
  else expect(Math.abs(a / b - 1), `${label}: ${a} against torch's ${b}`).toBeLessThan(1e-12);
}

/** Where torch's float64 formula cancels and the core's does not, so the two may differ by torch's rounding. */
function torchCancels(name: ActivationName, z: number, torchF: number): boolean {
  // σ′ = y(1 − y) and tanh′ = 1 − y² lose the low digits of 1 − y once |y| is near 1; GELU's
  // 0.5·(1 + erf(z/√2)) loses them once erf(z/√2) is near −1, where Φ(z) is tiny.
  if (name === "sigmoid") return torchF >= 0.99;
  if (name === "tanh") return Math.abs(torchF) >= 0.99;
  if (name === "gelu") return normalCdf(z) < 1e-6;
  return false;
}

describe("the core's float64 activations and losses give torch's float64 numbers", () => {
  const grid64 = facts.activations.z.float64;

  it("the activations: f to 1e-12 relative, except GELU's far left tail, where torch's 1 + erf(z/√2) cancels (to within |z|·2⁻⁵³)", () => {
    for (const entry of facts.activations.functions) {
      const act = getActivation(entry.name as ActivationName, entry.alpha ?? undefined);
      grid64.forEach((z, i) => {
        const torchF = entry.float64.f[i]!;
        const label = `${entry.name}(${z})`;
        if (entry.name === "gelu" && torchCancels("gelu", z, torchF))
          expect(Math.abs(act.f(z) - torchF), label).toBeLessThanOrEqual(Math.abs(z) * 2 ** -53);
        else expectRelative(act.f(z), torchF, label);
      });
    }
  });

  it("the derivatives: torch's autograd to 1e-12 relative, and exactly at the kinks; where torch's backward cancels, to within its rounding (2⁻⁵²)", () => {
    for (const entry of facts.activations.functions) {
      const name = entry.name as ActivationName;
      const act = getActivation(name, entry.alpha ?? undefined);
      grid64.forEach((z, i) => {
        const torchDf = entry.float64.df[i]!;
        const label = `${name}′(${z})`;
        if (z === 0) expect(act.df(z), label).toBe(torchDf);
        else if (torchCancels(name, z, entry.float64.f[i]!))
          expect(Math.abs(act.df(z) - torchDf), label).toBeLessThanOrEqual(2 ** -52);
        else expectRelative(act.df(z), torchDf, label);
      });
    }
  });

  it("the default α of Leaky ReLU and ELU are torch's", () => {
    expect(DEFAULT_LEAKY_ALPHA).toBe(defaults["LeakyReLU.negative_slope"]);
    expect(DEFAULT_ELU_ALPHA).toBe(defaults["ELU.alpha"]);
  });

  it("the losses (mean reduction) on the fixture's inputs, to 1e-12 relative", () => {
    for (const entry of facts.losses) {
      const input = Float64Array.from(entry.input);
      const target = Float64Array.from(entry.target);
      const value = lossValue(entry.name as LossName, input, input, target, entry.n, entry.m);
      expectRelative(value, entry.float64, `${entry.name} (${entry.target_kind})`);
    }
  });

  it("BCELoss's clamp: the same −100, and the same losses at p ∈ {0, 1}", () => {
    expect(BCE_LOG_CLAMP).toBe(facts.bce_loss.float64.log_clamp);
    for (const c of facts.bce_loss.float64.cases) expect(binaryCrossEntropy(c.p, c.y)).toBe(c.loss);
  });

  it("CrossEntropyLoss on logits, on softmaxed logits, with a soft target and on [1000, 1000]: the same loss, and the gradient p − y", () => {
    const { logits, target, soft_target: soft } = facts.cross_entropy;
    const row = (y: number[], z: number[] = logits) =>
      crossEntropyRow(Float64Array.from(z), Float64Array.from(y), 0, z.length);
    const oneHot = logits.map((_, j) => (j === target ? 1 : 0));
    const p = new Float64Array(3);
    softmaxRows(Float64Array.from(logits), p, 1, 3);
    expectRelative(row(oneHot), ce64.on_logits.loss, "on logits");
    expectRelative(row(soft), ce64.soft_target.loss, "soft target");
    expectRelative(row(oneHot, Array.from(p)), ce64.softmax_first.loss, "softmax first");
    expectRelative(row([1, 0, 0], [1, 0, 0]), ce64.perfect_probabilities.loss, "[1, 0, 0]");
    expect(row([1, 0], [1000, 1000])).toBe(ce64.equal_large_logits.loss);
    p.forEach((pj, j) => {
      expectRelative(pj, ce64.on_logits.softmax[j]!, `p[${j}]`);
      expectRelative(pj - oneHot[j]!, ce64.on_logits.grad[j]!, `p − y at ${j}`);
      expectRelative(pj - soft[j]!, ce64.soft_target.grad[j]!, `p − soft y at ${j}`);
    });
  });
});

describe("where torch and the core part ways (the core is the more accurate; no sentence may claim otherwise)", () => {
  it("torch's autograd computes σ′ as σ(1 − σ), so it returns exactly 0 at z = 40 in float64 (and from z = 20 in float32), where the core gives 4.25×10⁻¹⁸", () => {
    const g = facts.saturation_gradients.sigmoid;
    expect(g.float64[g.z.indexOf(40)]).toBe(0);
    expect(g.float32[g.z.indexOf(20)]).toBe(0);
    expect(sigmoidDerivative(40)).toBeCloseTo(4.25e-18, 20);
    const t = facts.saturation_gradients.tanh;
    expect(t.float64[t.z.indexOf(20)]).toBe(0);
    expect(tanhDerivative(20)).toBeGreaterThan(1e-17);
  });

  it("σ reaches exactly 1 at the same z in torch and in the core (float64), but below z ≈ −709.78 torch's σ, 1/(1 + e^(−z)), is 0 where the core's stays positive", () => {
    const s = facts.sigmoid.float64;
    expect(sigmoid(s.first_one.z)).toBe(1);
    expect(sigmoid(s.last_below_one.z)).toBeLessThan(1);
    expect(fixed(s.first_zero.z, 2)).toBe("-709.78");
    expect(s.first_zero.value).toBe(0);
    expect(Math.exp(-s.first_zero.z)).toBe(Infinity);
    expect(sigmoid(s.first_zero.z)).toBeGreaterThan(0);
  });
});

describe("what the fixture pins about nn.Linear and float32 saturation", () => {
  it("nn.Linear(fan_in, fan_out) draws weight and bias from U(−1/√fan_in, 1/√fan_in): its weight is kaiming_uniform_ with a = √5", () => {
    const l = facts.linear_init;
    expect(l.weight_equals_kaiming_uniform_a_sqrt5).toBe(true);
    expect(l.bound_times_sqrt_fan_in).toBeCloseTo(1, 15);
    for (const t of [l.weight, l.bias]) {
      expect(t.max_abs_times_sqrt_fan_in).toBeLessThanOrEqual(1);
      expect(t.max_abs_times_sqrt_fan_in).toBeGreaterThan(0.999);
    }
    // 4 million weights pin the variance 1/(3·fan_in) to about 0.1%; 4,000 biases to about 3%.
    expect(Math.abs(l.weight.variance_times_3_fan_in - 1)).toBeLessThan(0.002);
    expect(Math.abs(l.bias.variance_times_3_fan_in - 1)).toBeLessThan(0.05);
  });

  it("in float32, torch.sigmoid is exactly 1 from z ≈ 16.64 and torch.tanh is exactly ±1 from |z| ≈ 9.01, with autograd's gradient exactly 0 there", () => {
    expect(fixed(sigmoid32.first_one.z, 2)).toBe("16.64");
    expect(sigmoid32.first_one.grad).toBe(0);
    expect(sigmoid32.last_below_one.grad).toBeGreaterThan(0);
    const t = facts.tanh.float32;
    expect(fixed(t.first_one.z, 2)).toBe("9.01");
    expect(t.last_minus_one.z).toBe(-t.first_one.z);
    expect([t.first_one.grad, t.last_minus_one.grad]).toEqual([0, 0]);
  });

  it("nn.BCEWithLogitsLoss stays finite at logits ±100 and ±1000 in float32, with gradient σ(z) − y", () => {
    for (const c of facts.bce_with_logits.float32) {
      expect(Number.isFinite(c.loss)).toBe(true);
      expect(c.grad_z).toBeCloseTo(sigmoid(c.z) - c.y, 6);
    }
  });
});
