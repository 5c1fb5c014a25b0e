/**
 * The same workloads on TensorFlow.js (float32): its pure-JavaScript CPU backend with autodiff, and its
 * WebAssembly backend (XNNPACK, SIMD, one thread as in Node) with backprop written by hand. TF.js is
 * installed on demand into .bench-cache/ (git-ignored) so a plain `npm install` stays light; if that fails,
 * the benchmark reports null for TF.js and says why.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Workload } from "./workloads.ts";

const PACKAGES = ["@tensorflow/tfjs-core@4", "@tensorflow/tfjs-backend-cpu@4", "@tensorflow/tfjs-backend-wasm@4"];

/** The parts of @tensorflow/tfjs-core (and the WebAssembly backend's setWasmPaths) this benchmark uses. */
interface Tensor {
  dispose(): void;
}
interface Variable extends Tensor {
  assign(t: Tensor): void;
}
type Activation = "linear" | "relu" | "sigmoid";
export interface Tf {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  setWasmPaths(prefix: string): void;
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  scalar(v: number): Tensor;
  variable(t: Tensor): Variable;
  randomNormal(shape: number[], mean: number, std: number, dtype?: string, seed?: number): Tensor;
  zeros(shape: number[]): Tensor;
  matMul(a: Tensor, b: Tensor): Tensor;
  transpose(t: Tensor): Tensor;
  add(a: Tensor, b: Tensor): Tensor;
  sub(a: Tensor | number, b: Tensor): Tensor;
  mul(a: Tensor, b: Tensor): Tensor;
  div(a: Tensor, b: number): Tensor;
  square(t: Tensor): Tensor;
  step(t: Tensor): Tensor;
  sum(t: Tensor, axis: number): Tensor;
  tanh(t: Tensor): Tensor;
  sigmoid(t: Tensor): Tensor;
  relu(t: Tensor): Tensor;
  softmax(t: Tensor): Tensor;
  fused: { matMul(o: { a: Tensor; b: Tensor; bias: Tensor; activation: Activation }): Tensor };
  tidy<T>(f: () => T): T;
  losses: {
    sigmoidCrossEntropy(labels: Tensor, logits: Tensor): Tensor;
    softmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor;
  };
  train: { sgd(lr: number): { minimize(f: () => Tensor, returnCost?: boolean): Tensor | null } };
}

/**
 * Loads TF.js from .bench-cache, installing it first if missing. tfjs-core's CommonJS build registers no
 * gradients (the @tensorflow/tfjs union package imports register_all_gradients, an ES module with
 * extensionless imports Node cannot load), so the ES modules of core, gradients and both backends are
 * bundled once with esbuild (a devDependency) into one file, as the union package does: one tfjs-core, so
 * both backends share its engine. Starts on the CPU backend (useBackend switches). Returns null and prints
 * a note on failure.
 */
export async function loadTfjs(root: string): Promise<Tf | null> {
  const cache = join(root, ".bench-cache");
  const wasmDist = join(cache, "node_modules/@tensorflow/tfjs-backend-wasm/dist");
  const present = () =>
    existsSync(join(cache, "node_modules/@tensorflow/tfjs-backend-cpu/package.json")) && existsSync(wasmDist);
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
    const bundle = join(cache, "tfjs-cpu-wasm.bundle.mjs");
    if (!existsSync(bundle)) {
      const entry = join(cache, "tfjs-cpu-wasm.entry.mjs");
      writeFileSync(
        entry,
        'export * from "@tensorflow/tfjs-core";\nimport "@tensorflow/tfjs-core/dist/register_all_gradients";\n' +
          'import "@tensorflow/tfjs-backend-cpu";\nexport { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";\n',
      );
      const esbuild = createRequire(join(root, "package.json"))("esbuild") as {
        buildSync(options: Record<string, unknown>): unknown;
      };
      // The WebAssembly backend's Emscripten loader reads __dirname and require in Node: give the ES bundle both.
      esbuild.buildSync({
        entryPoints: [entry],
        outfile: bundle,
        bundle: true,
        format: "esm",
        platform: "node",
        mainFields: ["module", "main"],
        banner: {
          js:
            'import { createRequire } from "node:module"; import { fileURLToPath as __toPath } from "node:url";' +
            ' import { dirname as __dir } from "node:path"; const require = createRequire(import.meta.url);' +
            " const __filename = __toPath(import.meta.url); const __dirname = __dir(__filename);",
        },
        logLevel: "error",
      });
    }
    const silence = console.warn;
    console.warn = () => {};
    const tf = (await import(pathToFileURL(bundle).href)) as Tf;
    tf.setWasmPaths(`${wasmDist}/`);
    await useBackend(tf, "cpu");
    console.warn = silence;
    return tf;
  } catch (e) {
    console.log(`Note: could not load TensorFlow.js (${(e as Error).message}); TF.js figures are null.`);
    return null;
  }
}

/** Makes `name` ("cpu" or "wasm") the backend new tensors and steps use; throws if TF.js cannot. */
export async function useBackend(tf: Tf, name: "cpu" | "wasm"): Promise<void> {
  await tf.setBackend(name);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`TF.js backend is ${tf.getBackend()}, not ${name}`);
}

/** Weights and biases as TF.js variables, He/Xavier-normal like the workload's config (TF.js's own seeded draws). */
function parameters(tf: Tf, w: Workload): { W: Variable; b: Variable }[] {
  const { layers, hidden } = w.config;
  const params: { W: Variable; b: Variable }[] = [];
  for (let l = 1; l < layers.length; l++) {
    const std = Math.sqrt((hidden === "relu" ? 2 : 1) / layers[l - 1]!);
    params.push({
      W: tf.variable(tf.randomNormal([layers[l - 1]!, layers[l]!], 0, std, "float32", l)),
      b: tf.variable(tf.zeros([layers[l]!])),
    });
  }
  return params;
}

/** Inputs and targets as float32 tensors. x: n×2, y: n×m. */
function data(tf: Tf, w: Workload, x: Float64Array, y: Float64Array): { xs: Tensor; ys: Tensor; n: number; m: number } {
  const n = x.length / 2;
  const m = w.config.layers[w.config.layers.length - 1]!;
  return { xs: tf.tensor2d(Float32Array.from(x), [n, 2]), ys: tf.tensor2d(Float32Array.from(y), [n, m]), n, m };
}

/** A TF.js training step with autodiff on the current backend: forward, loss, backward, SGD update. */
export function tfjsStep(tf: Tf, w: Workload, x: Float64Array, y: Float64Array): () => void {
  const { xs, ys, m } = data(tf, w, x, y);
  const params = parameters(tf, w);
  const hidden = w.config.hidden;
  const act = hidden === "tanh" ? tf.tanh : hidden === "sigmoid" ? tf.sigmoid : tf.relu;
  const sgd = tf.train.sgd(w.config.optimizer.lr);
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

/**
 * A TF.js training step with backprop written out, as one writes it for speed on the WebAssembly backend:
 * the forward pass in fused matMul + bias + activation ops (tanh after a fused linear one), δ = (p − y)/n for
 * sigmoid + BCE and softmax + CE, dW = aᵀ·δ and δ·Wᵀ with explicit transposes (XNNPACK multiplies untransposed
 * operands about 8 times faster than matMul's transpose flags here), and SGD by assign.
 */
export function tfjsBackpropStep(tf: Tf, w: Workload, x: Float64Array, y: Float64Array): () => void {
  const { xs, ys, n, m } = data(tf, w, x, y);
  const params = parameters(tf, w);
  const hidden = w.config.hidden;
  const lr = tf.scalar(w.config.optimizer.lr);
  const fusedAct: Activation = hidden === "relu" ? "relu" : hidden === "sigmoid" ? "sigmoid" : "linear";
  const last = params.length - 1;
  return () => {
    tf.tidy(() => {
      const a: Tensor[] = [xs];
      let z = xs;
      params.forEach((p, l) => {
        if (l < last) {
          const h = tf.fused.matMul({ a: a[l]!, b: p.W, bias: p.b, activation: fusedAct });
          a.push(hidden === "tanh" ? tf.tanh(h) : h);
        } else z = tf.fused.matMul({ a: a[l]!, b: p.W, bias: p.b, activation: "linear" });
      });
      let d = tf.div(tf.sub(m === 1 ? tf.sigmoid(z) : tf.softmax(z), ys), n);
      for (let l = last; l >= 0; l--) {
        const p = params[l]!;
        const dW = tf.matMul(tf.transpose(a[l]!), d);
        const db = tf.sum(d, 0);
        if (l > 0) {
          const h = a[l]!;
          const fp =
            hidden === "tanh" ? tf.sub(1, tf.square(h)) : hidden === "sigmoid" ? tf.mul(h, tf.sub(1, h)) : tf.step(h);
          d = tf.mul(tf.matMul(d, tf.transpose(p.W)), fp);
        }
        p.W.assign(tf.sub(p.W, tf.mul(lr, dW)));
        p.b.assign(tf.sub(p.b, tf.mul(lr, db)));
      }
    });
  };
}
