/**
 * `npm run facts:pytorch`: runs scripts/pytorch-facts.py (real torch, CPU) and compares what it computes with the
 * committed fixture src/core/claims/pytorch-facts.json, which the claim tests read (CI has no torch). Exits
 * non-zero and names every key that changed; with `--write` it replaces the fixture (Prettier-formatted) instead.
 * Python comes from $PYTHON, else python3.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { isPlainObject } from "../src/core/index.ts";

/** The Python script that computes the facts. */
export const SCRIPT = fileURLToPath(new URL("./pytorch-facts.py", import.meta.url));
/** The committed fixture the claim tests read. */
export const FIXTURE = fileURLToPath(new URL("../src/core/claims/pytorch-facts.json", import.meta.url));
/** pytorch-facts.py exits with this code when its Python cannot import torch. */
const NO_TORCH = 3;

/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One place where two JSON documents differ: its path (a.b[2].c) and the value on each side (undefined: absent). */
export interface Change {
  path: string;
  before: Json | undefined;
  after: Json | undefined;
}

/** Every leaf where `after` differs from `before`. Numbers compare with Object.is, so −0 differs from 0. */
export function diffJson(before: Json | undefined, after: Json | undefined, path = ""): Change[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: Change[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      changes.push(...diffJson(before[i], after[i], `${path}[${i}]`));
    return changes;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    return keys.flatMap((k) => diffJson(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return Object.is(before, after) ? [] : [{ path: path || "(root)", before, after }];
}

/** A change as one line: `path: before → after`. */
export function describeChange(c: Change): string {
  const show = (v: Json | undefined): string =>
    v === undefined ? "(absent)" : Object.is(v, -0) ? "-0" : JSON.stringify(v);
  return `${c.path}: ${show(c.before)} → ${show(c.after)}`;
}

/** The fixture's text as Prettier formats it, so `npm run check` stays clean after --write. */
export async function formatFixture(json: string): Promise<string> {
  const options = (await resolveConfig(FIXTURE)) ?? {};
  return format(json, { ...options, filepath: FIXTURE });
}

function installHint(python: string): string {
  return [
    `torch is not installed for ${python}. Install the CPU build in a virtual environment and point PYTHON at it:`,
    "  python3 -m venv ~/venv-torch",
    "  ~/venv-torch/bin/pip install torch",
    "  PYTHON=~/venv-torch/bin/python npm run facts:pytorch",
    "CI does not need torch: the claim tests read the committed fixture.",
  ].join("\n");
}

/** Runs the Python script into a temporary file and returns its JSON text, or an exit code after saying what failed. */
function compute(python: string): string | number {
  const dir = mkdtempSync(join(tmpdir(), "pytorch-facts-"));
  try {
    const out = join(dir, "facts.json");
    const run = spawnSync(python, [SCRIPT, out], { stdio: ["ignore", "inherit", "inherit"] });
    if (run.error) {
      console.error(`Cannot run ${python} (${run.error.message}). Set PYTHON to a Python that has torch.`);
      return 2;
    }
    if (run.status === NO_TORCH) {
      console.error(installHint(python));
      return 2;
    }
    if (run.status !== 0) {
      console.error(`${SCRIPT} failed (exit ${run.status ?? run.signal}).`);
      return 1;
    }
    return readFileSync(out, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The command: compare (default) or --write. Returns the exit code. */
async function main(args: string[]): Promise<number> {
  if (args.some((a) => a !== "--write")) {
    console.error("usage: npm run facts:pytorch [-- --write]");
    return 2;
  }
  const python = process.env.PYTHON || "python3";
  const fresh = compute(python);
  if (typeof fresh === "number") return fresh;
  const text = await formatFixture(fresh);
  if (args.includes("--write")) {
    writeFileSync(FIXTURE, text);
    console.log(`wrote ${FIXTURE}`);
    return 0;
  }
  let committed: string;
  try {
    committed = readFileSync(FIXTURE, "utf8");
  } catch {
    console.error(`${FIXTURE} is missing: run npm run facts:pytorch -- --write`);
    return 1;
  }
  const changes = diffJson(JSON.parse(committed) as Json, JSON.parse(fresh) as Json);
  if (changes.length > 0) {
    console.error(`${changes.length} value(s) differ from the committed fixture (committed → torch now):`);
    for (const c of changes) console.error(`  ${describeChange(c)}`);
    console.error(
      "If the new numbers are right, update the fixture (npm run facts:pytorch -- --write) and the course.",
    );
    return 1;
  }
  if (committed !== text) {
    console.error(
      "Same values, but the fixture's text differs (key order or layout): npm run facts:pytorch -- --write",
    );
    return 1;
  }
  const facts = JSON.parse(fresh) as { torch_version: string; python_version: string };
  console.log(`${FIXTURE}: up to date (torch ${facts.torch_version}, Python ${facts.python_version}).`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
