/**
 * The same workloads on TensorFlow.js's pure-JavaScript CPU backend (float32). TF.js is installed on
 * demand into .bench-cache/ (git-ignored) so a plain `npm install` stays light; if that fails, the
 * benchmark reports null for TF.js and says why.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Workload } from "./workloads.ts";

const PACKAGES = ["@tensorflow/tfjs-core@4", "@tensorflow/tfjs-backend-cpu@4"];

/** The parts of @tensorflow/tfjs-core this benchmark uses. */
interface Tensor {
  dispose(): void;
}
interface Tf {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  variable(t: Tensor): Tensor;
  randomNormal(shape: number[], mean: number, std: number, dtype?: string, seed?: number): Tensor;
  zeros(shape: number[]): Tensor;
  matMul(a: Tensor, b: Tensor): Tensor;
  add(a: Tensor, b: Tensor): Tensor;
  tanh(t: Tensor): Tensor;
  sigmoid(t: Tensor): Tensor;
  relu(t: Tensor): Tensor;
  tidy<T>(f: () => T): T;
  losses: {
    sigmoidCrossEntropy(labels: Tensor, logits: Tensor): Tensor;
    softmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor;
  };
  train: { sgd(lr: number): { minimize(f: () => Tensor, returnCost?: boolean): Tensor | null } };
  getBackend(): string;
}

/**
 * Loads TF.js from .bench-cache, installing it first if missing. tfjs-core's CommonJS build registers no
 * gradients (the @tensorflow/tfjs union package imports register_all_gradients, an ES module with
 * extensionless imports Node cannot load), so the ES modules of core, gradients and CPU backend are
 * bundled once with esbuild (a devDependency) into one file, as the union package does.
 * Returns null and prints a note on failure.
 */
export async function loadTfjs(root: string): Promise<Tf | null> {
  const cache = join(root, ".bench-cache");
  const present = () => existsSync(join(cache, "node_modules/@tensorflow/tfjs-backend-cpu/package.json"));
  if (!present()) {
    console.log(`Installing ${PACKAGES.join(" ")} into .bench-cache/ for the comparison (once)…`);
    const r = spawnSync("npm", ["install", "--prefix", cache, "--no-save", "--no-audit", "--no-fund", ...PACKAGES], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (r.status !== 0 || !present()) {
      console.log(
        `Note: could not install TensorFlow.js (npm exit ${r.status ?? r.error?.message}); TF.js figures are null.`,
      );
      return null;
    }
  }
  try {
    const bundle = join(cache, "tfjs-cpu.bundle.mjs");
    if (!existsSync(bundle)) {
      const entry = join(cache, "tfjs-cpu.entry.mjs");
      writeFileSync(
        entry,
        'export * from "@tensorflow/tfjs-core";\nimport "@tensorflow/tfjs-core/dist/register_all_gradients";\nimport "@tensorflow/tfjs-backend-cpu";\n',
      );
      const esbuild = createRequire(join(root, "package.json"))("esbuild") as {
        buildSync(options: Record<string, unknown>): unknown;
      };
      esbuild.buildSync({
        entryPoints: [entry],
        outfile: bundle,
        bundle: true,
        format: "esm",
        platform: "node",
        mainFields: ["module", "main"],
        banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
        logLevel: "error",
      });
    }
    const silence = console.warn;
    console.warn = () => {};
    const tf = (await import(pathToFileURL(bundle).href)) as Tf;
    await tf.setBackend("cpu");
    await tf.ready();
    console.warn = silence;
    if (tf.getBackend() !== "cpu") throw new Error(`backend is ${tf.getBackend()}`);
    return tf;
  } catch (e) {
    console.log(`Note: could not load TensorFlow.js (${(e as Error).message}); TF.js figures are null.`);
    return null;
  }
}

/** A TF.js training step for the workload on the given data: forward, loss, backward, SGD update. */
export function tfjsStep(tf: Tf, w: Workload, x: Float64Array, y: Float64Array): () => void {
  const { layers, hidden, optimizer } = w.config;
  const n = x.length / 2;
  const m = layers[layers.length - 1]!;
  const xs = tf.tensor2d(Float32Array.from(x), [n, 2]);
  const ys = tf.tensor2d(Float32Array.from(y), [n, m]);
  const params: { W: Tensor; b: Tensor }[] = [];
  for (let l = 1; l < layers.length; l++) {
    const std = Math.sqrt((hidden === "relu" ? 2 : 1) / layers[l - 1]!);
    params.push({
      W: tf.variable(tf.randomNormal([layers[l - 1]!, layers[l]!], 0, std, "float32", l)),
      b: tf.variable(tf.zeros([layers[l]!])),
    });
  }
  const act = hidden === "tanh" ? tf.tanh : hidden === "sigmoid" ? tf.sigmoid : tf.relu;
  const sgd = tf.train.sgd(optimizer.lr);
  const loss = (): Tensor => {
    let a = xs;
    params.forEach((p, l) => {
      const z = tf.add(tf.matMul(a, p.W), p.b);
      a = l < params.length - 1 ? act(z) : z;
    });
    return m === 1 ? tf.losses.sigmoidCrossEntropy(ys, a) : tf.losses.softmaxCrossEntropy(ys, a);
  };
  const step = (): void => {
    tf.tidy(() => {
      sgd.minimize(loss, false);
    });
  };
  const say = console.log;
  console.log = () => {};
  step();
  console.log = say;
  return step;
}
