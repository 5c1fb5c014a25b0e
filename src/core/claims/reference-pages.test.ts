/**
 * Claim tests for the reference pages (content/reference: glossary, references, notation). The other pages link to
 * their anchors by slug, so the anchors are checked here exactly as Astro makes them (github-slugger on the heading
 * text); each number a glossary entry states is reproduced from the core or read from the lab it names.
 */
import { readdirSync, readFileSync } from "node:fs";
import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";
import { DR_DEFAULTS, drConfig } from "../../../labs/dying-relu/settings.ts";
import { HEALTHY_UPDATE_RATIO } from "../../../labs/sandbox/instruments.ts";
import { MOMENTUM, SB_DEFAULTS, SB_WARMUP } from "../../../labs/sandbox/settings.ts";
import { STEP_TEST_FRACTION } from "../../../labs/step-function/settings.ts";
import { RUN } from "../../../labs/vanishing-gradients/settings.ts";
import {
  binaryCrossEntropy,
  getActivation,
  normalPdf,
  SATURATION_THRESHOLD,
  sigmoidDerivative,
  tanhDerivative,
} from "../index.ts";
import { Optimizer } from "../training/optimizers.ts";
import { labSession } from "./lab-runs.ts";

const ROOT = new URL("../../../", import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, ROOT), "utf8");
const GLOSSARY = "content/reference/glossary.mdx";
const REFERENCES = "content/reference/references.mdx";
const NOTATION = "content/reference/notation.mdx";

/** The ids Astro gives a page's headings: github-slugger over each heading's text, in order (repeats get -1, -2). */
function headingIds(file: string): string[] {
  const slugger = new GithubSlugger();
  return read(file)
    .split("\n")
    .filter((line) => /^#{2,6} /.test(line))
    .map((line) => slugger.slug(line.replace(/^#+ /, "").trim()));
}

/** The entry under the glossary heading whose id is `slug`: its text up to the next heading, whitespace collapsed. */
function entry(slug: string): string {
  const sections = read(GLOSSARY).split(/\n(?=## )/);
  const ids = headingIds(GLOSSARY);
  const i = ids.indexOf(slug);
  expect(i, `glossary heading #${slug}`).toBeGreaterThanOrEqual(0);
  return sections[i + 1]!.replace(/\s+/g, " ");
}

/** Glossary anchors the lessons link to: the first edition's, and the ones issue 13 added (shared with every lesson). */
const GLOSSARY_SLUGS = [
  ...["activation", "backpropagation", "bce", "chain-rule", "cross-entropy", "dead-unit", "elu", "exploding-gradient"],
  ...["gelu", "gradient-descent", "he-initialisation", "identity", "leaky-relu", "learning-rate", "log-sum-exp"],
  ...["logit", "mse", "one-hot", "perceptron-rule", "pre-activation", "prelu", "relu", "saturation", "sigmoid"],
  ...["silu", "softmax", "softplus", "step-function", "subgradient", "tanh", "vanishing-gradient"],
  ...["xavier-initialisation", "zero-centred"],
  ...["adam", "momentum", "weight-decay", "learning-rate-warm-up", "gradient-clipping", "batch-normalisation"],
  ...["layer-normalisation", "residual-connection", "jacobian", "minibatch", "epoch", "fan-in-and-fan-out", "loss"],
  ...["gradient-and-gradient-norm", "hidden-unit", "decision-boundary", "batch-size", "optimiser-and-sgd"],
  ...["training-set-and-test-set", "seed", "update-to-weight-ratio", "expectation", "variance", "root-mean-square"],
  ...["symmetry-breaking", "selu", "maxout", "accuracy", "inactive-unit", "initialisation"],
];

/** References the lessons cite as ../../reference/references/#id. */
const REFERENCE_IDS = [
  ...["hochreiter-1991", "bengio-1994", "glorot-2010", "nair-2010", "maas-2013", "he-2015", "clevert-2015"],
  ...["hendrycks-2016", "klambauer-2017", "ramachandran-2017", "lu-2019", "lecun-1998", "rumelhart-1986"],
  ...["cybenko-1989", "hornik-1991", "goodfellow-2013", "hochreiter-1997", "ioffe-2015", "ba-2016", "kingma-2014"],
  ...["nielsen-2015", "goodfellow-2016", "saxe-2013", "rosenblatt-1958", "pascanu-2013", "leshno-1993"],
];

/** Every .mdx file of the course (lessons, teacher guides, assignments, reference pages). */
function courseFiles(): string[] {
  const dirs = ["content/lessons", "content/teacher", "content/assignments", "content/reference"];
  return dirs.flatMap((dir) =>
    readdirSync(new URL(dir, ROOT), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".mdx"))
      .map((f) => `${dir}/${f}`),
  );
}

describe("the reference pages' anchors", () => {
  it("the glossary has a heading for every term the lessons link to, in alphabetical order", () => {
    const ids = headingIds(GLOSSARY);
    for (const slug of GLOSSARY_SLUGS) expect(ids, `#${slug}`).toContain(slug);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a.localeCompare(b))).toEqual(ids);
  });

  it("the references page has a heading for every work the lessons cite, each with an https link", () => {
    const ids = headingIds(REFERENCES);
    for (const id of REFERENCE_IDS) expect(ids, `#${id}`).toContain(id);
    const entries = read(REFERENCES)
      .split(/\n(?=### )/)
      .slice(1);
    expect(entries.length).toBeGreaterThanOrEqual(REFERENCE_IDS.length);
    for (const e of entries) expect(e, e.split("\n")[0]).toMatch(/\]\(https:\/\//);
  });

  it("every citation in the course lands on an entry of the references page, and every entry is cited", () => {
    const ids = headingIds(REFERENCES);
    const cited = new Set<string>();
    for (const file of courseFiles())
      for (const [, id] of read(file).matchAll(/references\/#([a-z0-9-]+)\)/g)) {
        expect(ids, `${file} cites #${id}`).toContain(id);
        cited.add(id);
      }
    for (const [, id] of read(REFERENCES).matchAll(/^### (.+)$/gm)) {
      const slug = new GithubSlugger().slug(id!);
      expect(cited.has(slug), `#${slug} is cited somewhere`).toBe(true);
    }
  });

  it("lesson 1 states Leshno et al.'s result (any activation that is not a polynomial, ReLU included) and cites it", () => {
    const lesson = read("content/lessons/01-should-this-neuron-fire/index.mdx").replace(/\s+/g, " ");
    expect(lesson).toMatch(
      /Leshno, Lin, Pinkus and Schocken, \[1993\]\(\.\.\/\.\.\/reference\/references\/#leshno-1993\)/,
    );
    expect(lesson).toContain("every activation that is not a polynomial, ReLU included");
    const entry = read(REFERENCES)
      .split(/\n(?=### )/)
      .find((e) => e.startsWith("### Leshno 1993"))!;
    expect(entry.replace(/\s+/g, " ")).toContain("*Neural Networks* 6(6), 861–867");
  });

  it("a term's glossary entry points to the lesson that defines it: the loss, gradient descent, the learning rate and the optimiser to lesson 2, the epoch to lesson 4", () => {
    const defined = {
      loss: "step-and-sigmoid/#what-training-needs-a-loss-and-its-gradient",
      "gradient-descent": "step-and-sigmoid/#what-training-needs-a-loss-and-its-gradient",
      "learning-rate": "step-and-sigmoid/#what-training-needs-a-loss-and-its-gradient",
      "optimiser-and-sgd": "step-and-sigmoid/#what-training-needs-a-loss-and-its-gradient",
      epoch: "tanh/#train-it-and-watch-what-happens-after-step-400",
    };
    const lessonIds = (slug: string): string[] => {
      const dir = readdirSync(new URL("content/lessons", ROOT)).find((d) => d.endsWith(`-${slug}`))!;
      return headingIds(`content/lessons/${dir}/index.mdx`);
    };
    for (const [term, target] of Object.entries(defined)) {
      expect(entry(term), `#${term}`).toContain(`](../../lessons/${target})`);
      const [slug, id] = target.replace(/\/$/, "").split("/#") as [string, string];
      expect(lessonIds(slug), `${slug} has #${id}`).toContain(id);
      // …and that lesson links the term to its entry.
      const dir = readdirSync(new URL("content/lessons", ROOT)).find((d) => d.endsWith(`-${slug}`))!;
      expect(read(`content/lessons/${dir}/index.mdx`), `${slug} links #${term}`).toContain(`glossary/#${term})`);
    }
  });

  it("every glossary entry points to a lesson that uses it", () => {
    for (const section of read(GLOSSARY)
      .split(/\n(?=## )/)
      .slice(1))
      expect(section, section.split("\n")[0]).toMatch(/\]\(\.\.\/\.\.\/lessons\/[a-z-]+\/(#[a-z0-9-]+)?\)/);
  });

  it("every outbound link of the course (lessons, reference, teacher guides, assignments) uses https", () => {
    const pages = readdirSync(new URL("content/", ROOT), { recursive: true, encoding: "utf8" }).filter((f) =>
      /\.mdx?$/.test(f),
    );
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) expect(read(`content/${file}`), file).not.toMatch(/\]\(http:\/\/|href="http:\/\//);
  });

  it("every glossary link to a reference, and every reference link to the glossary, lands on a heading", () => {
    const refIds = headingIds(REFERENCES);
    for (const [, id] of read(GLOSSARY).matchAll(/\]\(\.\.\/references\/#([a-z0-9-]+)\)/g))
      expect(refIds).toContain(id);
    const glossaryIds = headingIds(GLOSSARY);
    for (const file of [REFERENCES, NOTATION, GLOSSARY]) {
      const own = file === GLOSSARY ? /\]\(#([a-z0-9-]+)\)/g : /\]\(\.\.\/glossary\/#([a-z0-9-]+)\)/g;
      for (const [, id] of read(file).matchAll(own)) expect(glossaryIds, `${file} → #${id}`).toContain(id);
    }
  });
});

describe("glossary: the numbers its entries state", () => {
  it("Saturation: |f′(z)| < 0.01, the one threshold; a sigmoid saturates beyond |z| ≈ 4.6, a tanh beyond ≈ 3.0", () => {
    const text = entry("saturation");
    expect(text).toContain(`**$\\lvert f'(z)\\rvert < ${SATURATION_THRESHOLD}$**`);
    const edge = (df: (z: number) => number): number => {
      let z = 0;
      while (df(z) >= SATURATION_THRESHOLD) z += 1e-4;
      return z;
    };
    expect(edge(sigmoidDerivative).toFixed(1)).toBe("4.6");
    expect(edge(tanhDerivative).toFixed(1)).toBe("3.0");
    expect(text).toContain("beyond about 4.6, a tanh beyond about 3.0");
  });

  it("Loss: a model that answers 0.5 for every yes/no example has BCE ln 2 ≈ 0.693", () => {
    expect(entry("loss")).toContain("$\\ln 2 \\approx 0.693$");
    for (const y of [0, 1]) expect(binaryCrossEntropy(0.5, y)).toBeCloseTo(Math.LN2, 15);
    expect(Math.LN2.toFixed(3)).toBe("0.693");
  });

  it("Adam: with the paper's β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ a parameter with a tiny but steady gradient still moves by about η per step", () => {
    const lr = 0.01;
    const adam = new Optimizer({ kind: "adam", lr }, 1);
    expect([adam.beta1, adam.beta2, adam.eps]).toEqual([0.9, 0.999, 1e-8]);
    const theta = Float64Array.of(1);
    const g = Float64Array.of(1e-6);
    for (let t = 1; t <= 100; t++) {
      const before = theta[0]!;
      adam.step(theta, g);
      expect((before - theta[0]!) / lr).toBeGreaterThan(0.98);
      expect((before - theta[0]!) / lr).toBeLessThanOrEqual(1);
    }
    // Plain SGD at the same rate moves it by η·g = 10⁻⁸ per step.
    const sgd = new Optimizer({ kind: "sgd", lr }, 1);
    const s = Float64Array.of(0);
    sgd.step(s, g);
    expect(-s[0]! / 1e-8).toBeCloseTo(1, 12);
  });

  it("Momentum: v ← μv + g, W ← W − ηv, typically with μ = 0.9 (the sandbox's)", () => {
    expect(entry("momentum")).toContain("$\\mu = 0.9$");
    expect(MOMENTUM).toBe(0.9);
    const m = new Optimizer({ kind: "momentum", lr: 0.1, momentum: 0.9 }, 1);
    const theta = Float64Array.of(0);
    m.step(theta, Float64Array.of(1)); // v = 1
    m.step(theta, Float64Array.of(1)); // v = 0.9 + 1
    expect(theta[0]).toBeCloseTo(-0.1 * (1 + 1.9), 14);
  });

  it("Weight decay: a dead unit's weights and bias shrink by the same factor, so on the same inputs its z keeps its sign", () => {
    const wd = new Optimizer({ kind: "sgd", lr: 0.1, weightDecay: 0.01 }, 3);
    const theta = Float64Array.of(0.8, -0.3, -2); // w₁, w₂, b of a unit dead on the square [−1, 1]²
    const z = (x: number[]) => x[0]! * theta[0]! + x[1]! * theta[1]! + theta[2]!;
    const corners = [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ];
    const before = corners.map(z);
    for (let t = 0; t < 1000; t++) wd.step(theta, new Float64Array(3));
    corners.forEach((x, i) => {
      expect(z(x)).toBeLessThan(0);
      expect(z(x) / before[i]!).toBeCloseTo((1 - 0.1 * 0.01) ** 1000, 12);
    });
  });

  it("Variance: weights drawn uniformly from (−r, r) have variance r²/3", () => {
    const r = 0.7;
    const steps = 100_000;
    let integral = 0;
    for (let i = 0; i < steps; i++) {
      const w = -r + ((i + 0.5) * 2 * r) / steps;
      integral += (w * w) / steps; // E[w²] over the uniform density 1/(2r), mean 0
    }
    expect(integral).toBeCloseTo((r * r) / 3, 8);
    expect(entry("variance")).toContain("$r^2/3$");
  });

  it("SELU: with λ ≈ 1.0507 and α ≈ 1.6733, a standard normal input gives mean 0 and variance 1 (the fixed point)", () => {
    const text = entry("selu");
    expect(text).toContain("$\\lambda \\approx 1.0507$ and $\\alpha \\approx 1.6733$");
    const lambda = 1.0507009873554805;
    const alpha = 1.6732632423543772;
    const elu = getActivation("elu", alpha);
    const selu = (x: number) => lambda * elu.f(x);
    let mean = 0;
    let square = 0;
    const h = 1e-3;
    for (let x = -12; x <= 12; x += h) {
      mean += selu(x) * normalPdf(x) * h;
      square += selu(x) ** 2 * normalPdf(x) * h;
    }
    expect(mean).toBeCloseTo(0, 6);
    expect(square - mean ** 2).toBeCloseTo(1, 6);
    expect(lambda.toFixed(4)).toBe("1.0507");
    expect(alpha.toFixed(4)).toBe("1.6733");
  });

  it("Update-to-weight ratio: a rule of thumb of about 10⁻³; the sandbox calls 10⁻⁴ to 10⁻² healthy", () => {
    const text = entry("update-to-weight-ratio");
    expect(text).toContain("about $10^{-3}$");
    expect(text).toContain(
      `$10^{${Math.log10(HEALTHY_UPDATE_RATIO.low)}}$ to $10^{${Math.log10(HEALTHY_UPDATE_RATIO.high)}}$ healthy`,
    );
  });

  it("Batch size and minibatch: the vanishing-gradients lab draws minibatches of 32, the dying-ReLU lab takes the whole training set", () => {
    expect(RUN.batchSize).toBe(32);
    expect(entry("batch-size")).toContain("(the vanishing-gradients lab uses 32)");
    expect(entry("minibatch")).toContain("minibatches of 32 points");
    expect(drConfig(DR_DEFAULTS).batchSize).toBe("full");
  });

  it("Training set and test set: the labs hold back one quarter of their points as the test set (the sandbox lets you change it)", () => {
    expect(RUN.testFraction).toBe(0.25);
    expect(drConfig(DR_DEFAULTS).dataset.testFraction).toBe(0.25);
    expect(STEP_TEST_FRACTION).toBe(0.25);
    expect(SB_DEFAULTS.test).toBe(0.25);
    expect(entry("training-set-and-test-set")).toContain("one quarter the test set");
  });

  it("Symmetry breaking: from the sandbox's symmetric start (every weight 0.5) each layer's units stay identical, one distinct unit", () => {
    const s = labSession("sandbox", "symmetric-init");
    s.step(SB_WARMUP);
    for (const layer of s.snapshot(0).layers.slice(0, -1)) expect(layer.distinctUnits).toBe(1);
    s.step(500);
    for (const layer of s.snapshot(0).layers.slice(0, -1)) expect(layer.distinctUnits).toBe(1);
  }, 60_000);
});

describe("notation: every page keeps the notation page's promises", () => {
  const sources = courseFiles().filter((f) => f !== NOTATION);

  it("L is the loss, never a layer: no W_L, a_L, z_L, b_L or δ_L (the last layer is D)", () => {
    for (const file of sources)
      expect(read(file), file).not.toMatch(/(?:\b[Wazb]|\\delta)_\{?L(?![a-zA-Z])|\{L ?- ?1\}/);
  });

  it("δ is the backpropagated error, never a Kronecker delta: its subscripts are a layer, an example and a unit, never two units", () => {
    for (const file of sources) {
      const subscripts = [...read(file).matchAll(/\\delta_\{([^}]*)\}/g)].map((m) => m[1]!);
      for (const s of subscripts) expect(s, `${file}: \\delta_{${s}}`).not.toMatch(/^[a-jm-z]{2}$/);
    }
  });

  it("layers come before or after one another: no layer is below or above another, nor lower or upper", () => {
    const direction =
      /\blayers? (?:below|above)\b|\b(?:below|above) (?:a|the|it|this|that|each) (?:hidden )?layer\b|\b(?:lower|upper|higher) layers?\b/i;
    for (const file of sources) expect(read(file).replace(/\s+/g, " "), file).not.toMatch(direction);
  });

  it("the natural logarithm is ln, as the labs write it: no \\log in the math", () => {
    for (const file of sources) expect(read(file), file).not.toMatch(/\\log(?![a-zA-Z])/);
  });
});
