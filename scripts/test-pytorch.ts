/**
 * `npm run test:pytorch`: exports the runs of scripts/test-pytorch-cases.ts exactly as a lab's "Download as
 * PyTorch" does (replay, then the .py and the .ipynb), and has scripts/test-pytorch.py run every script in real
 * PyTorch (each asserts the lab's losses within a relative 1e-9) and validate every notebook with nbformat. Needs
 * Python with torch, matplotlib and nbformat: $PYTHON, else python3. `--keep DIR` writes the files into DIR and
 * keeps them. npm test does not run this (CI has no torch).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { exportFiles } from "../src/pytorch/export-files.ts";
import { exportCases } from "./test-pytorch-cases.ts";

/** The Python helper that runs the scripts and validates the notebooks. */
const HELPER = fileURLToPath(new URL("./test-pytorch.py", import.meta.url));
/** The helper's exit code when its Python lacks torch, matplotlib or nbformat. */
const MISSING = 3;

function installHint(python: string): string {
  return [
    `${python} lacks torch, matplotlib or nbformat. Install them in a virtual environment and point PYTHON at it:`,
    "  python3 -m venv ~/venv-torch",
    "  ~/venv-torch/bin/pip install torch matplotlib nbformat",
    "  PYTHON=~/venv-torch/bin/python npm run test:pytorch",
  ].join("\n");
}

/** Writes every case's files into `folder`; returns the case names. */
function writeCases(folder: string): string[] {
  const names: string[] = [];
  for (const c of exportCases()) {
    const started = performance.now();
    const files = exportFiles(c.records, { title: c.title });
    writeFileSync(join(folder, `${c.name}.py`), files.py);
    writeFileSync(join(folder, `${c.name}.ipynb`), files.ipynb);
    const ms = Math.round(performance.now() - started);
    console.log(`exported ${c.name}: ${c.what} (${files.steps.join(", ")} steps; replayed in ${ms} ms)`);
    names.push(c.name);
  }
  return names;
}

function main(args: string[]): number {
  const keep = args[0] === "--keep" && args[1] ? resolve(args[1]) : null;
  if (args.length > 0 && !keep) {
    console.error("usage: npm run test:pytorch [-- --keep DIR]");
    return 2;
  }
  const python = process.env.PYTHON || "python3";
  const folder = keep ?? mkdtempSync(join(tmpdir(), "pytorch-exports-"));
  if (keep) mkdirSync(keep, { recursive: true });
  try {
    const names = writeCases(folder);
    console.log("");
    const run = spawnSync(python, [HELPER, folder, ...names], { stdio: "inherit" });
    if (run.error) {
      console.error(`Cannot run ${python} (${run.error.message}). Set PYTHON to a Python that has torch.`);
      return 2;
    }
    if (run.status === MISSING) {
      console.error(installHint(python));
      return 2;
    }
    if (keep) console.log(`The files are in ${keep}.`);
    return run.status ?? 1;
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
