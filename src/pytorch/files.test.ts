import { describe, expect, it } from "vitest";
import { DR_DEFAULTS, drSpec } from "../../labs/dying-relu/settings.ts";
import { notebookFile, scriptFile, wrap } from "./files.ts";
import { exportFiles } from "./export-files.ts";
import { pythonExport, type PythonExport } from "./python-script.ts";
import { exportRun } from "./run-export.ts";

const record = { spec: drSpec(DR_DEFAULTS), changes: [{ step: 3, type: "lr" as const, lr: 0.2 }], step: 8 };
const exported: PythonExport = pythonExport([exportRun(record)], { title: "Dying ReLU" });

interface Cell {
  cell_type: string;
  id: string;
  metadata: object;
  source: string[];
  outputs?: unknown[];
  execution_count?: null;
}

describe("the notebook", () => {
  const notebook = JSON.parse(notebookFile(exported)) as {
    cells: Cell[];
    metadata: { kernelspec: { name: string }; language_info: { name: string } };
    nbformat: number;
    nbformat_minor: number;
  };

  it("is nbformat 4.5: a Python 3 kernel, cells with unique valid ids, code cells without outputs", () => {
    expect([notebook.nbformat, notebook.nbformat_minor]).toEqual([4, 5]);
    expect(notebook.metadata.kernelspec.name).toBe("python3");
    expect(notebook.metadata.language_info.name).toBe("python");
    const ids = notebook.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of notebook.cells) {
      expect(cell.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
      expect(cell.metadata).toEqual({});
      expect(["markdown", "code"]).toContain(cell.cell_type);
      if (cell.cell_type === "code") {
        expect(cell.outputs).toEqual([]);
        expect(cell.execution_count).toBeNull();
      }
      // nbformat's multi-line strings: every line but the last ends with its line break.
      cell.source.forEach((line, i) => expect(line.endsWith("\n")).toBe(i < cell.source.length - 1));
    }
  });

  it("opens with the title and the words, then a Markdown cell before each section's code, the code as written", () => {
    const text = (c: Cell) => c.source.join("");
    expect(text(notebook.cells[0]!)).toBe([`# ${exported.title}`, ...exported.intro].join("\n\n"));
    const code = notebook.cells.filter((c) => c.cell_type === "code").map(text);
    expect(code).toEqual(exported.sections.map((s) => s.code));
    const headings = notebook.cells
      .filter((c) => c.cell_type === "markdown")
      .slice(1)
      .map(text);
    expect(headings.map((h) => h.split("\n")[0])).toEqual(
      exported.sections.filter((s) => s.heading).map((s) => `## ${s.heading}`),
    );
  });
});

describe("the script", () => {
  const py = scriptFile(exported);

  it("opens with a docstring of the title and the words, then holds every section's code, in order", () => {
    expect(
      py.startsWith(`"""\n${exported.title}\n\nActivation Labs wrote this from the Dying ReLU lab's run at step 8`),
    ).toBe(true);
    let at = 0;
    for (const s of exported.sections) {
      const found = py.indexOf(s.code, at);
      expect(found, s.heading ?? "imports").toBeGreaterThan(at);
      at = found + s.code.length;
    }
    expect(py.endsWith("plt.show()\n")).toBe(true);
  });

  it("gives each section a heading comment and its words as comments of at most 100 characters", () => {
    for (const s of exported.sections.filter((x) => x.heading)) {
      const line = py.split("\n").find((l) => l.startsWith(`# ---- ${s.heading} `));
      expect(line).toMatch(/^# ---- .+ -{4,}$/);
    }
    const comments = py.split("\n").filter((l) => l.startsWith("# "));
    for (const c of comments) expect(c.length).toBeLessThanOrEqual(100);
  });

  it("matches what exportFiles writes, with the notebook, from the same record", () => {
    const files = exportFiles([record], { title: "Dying ReLU" });
    expect(files.py).toBe(py);
    expect(files.ipynb).toBe(notebookFile(exported));
    expect(files.steps).toEqual([8]);
  });
});

describe("wrap", () => {
  it("breaks words into lines of at most the width, prefix included, never splitting a word", () => {
    const text = "one two three four five six seven eight nine ten eleven twelve";
    const lines = wrap(text, 20, "# ");
    expect(lines.every((l) => l.length <= 20 && l.startsWith("# "))).toBe(true);
    expect(lines.map((l) => l.slice(2)).join(" ")).toBe(text);
    expect(wrap("averyveryverylongword short", 10)).toEqual(["averyveryverylongword", "short"]);
    expect(wrap("", 10)).toEqual([]);
  });
});
