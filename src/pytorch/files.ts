/**
 * An export as files: a .py script (the words as a docstring and comments) and a Jupyter notebook (nbformat 4.5:
 * the words as Markdown cells, each section's code as a code cell). Both hold the same code in the same order.
 */
import type { PythonExport } from "./python-script.ts";

/** Lines of at most `width` characters (words are never split), each starting with `prefix`. */
export function wrap(text: string, width: number, prefix = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(prefix + line);
  return lines;
}

/** Text made safe inside a Python triple-quoted docstring. */
function docstringText(s: string): string {
  return s.replaceAll("\\", "\\\\").replaceAll('"""', '\\"\\"\\"');
}

/** The export as a Python script. */
export function scriptFile(e: PythonExport): string {
  const doc = [e.title, "", ...e.intro.flatMap((p, i) => [...(i > 0 ? [""] : []), ...wrap(p, 100)])];
  const parts = [`"""\n${doc.map(docstringText).join("\n")}\n"""`];
  for (const s of e.sections) {
    const words = [
      ...(s.heading ? [`# ${"-".repeat(4)} ${s.heading} ${"-".repeat(Math.max(4, 92 - s.heading.length))}`] : []),
      ...(s.words ? wrap(s.words, 100, "# ") : []),
    ];
    parts.push([...words, s.code].join("\n"));
  }
  return `${parts.join("\n\n\n")}\n`;
}

/** nbformat's cell source: the text's lines, each but the last ending in a line break. */
function source(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
}

/** The export as a Jupyter notebook (nbformat 4.5 JSON). */
export function notebookFile(e: PythonExport): string {
  const cells: object[] = [];
  const markdown = (text: string) =>
    cells.push({ cell_type: "markdown", id: `cell-${cells.length + 1}`, metadata: {}, source: source(text) });
  const code = (text: string) =>
    cells.push({
      cell_type: "code",
      execution_count: null,
      id: `cell-${cells.length + 1}`,
      metadata: {},
      outputs: [],
      source: source(text),
    });
  markdown([`# ${e.title}`, ...e.intro].join("\n\n"));
  for (const s of e.sections) {
    const words = [s.heading ? `## ${s.heading}` : "", s.words ?? ""].filter(Boolean).join("\n\n");
    if (words) markdown(words);
    code(s.code);
  }
  const notebook = {
    cells,
    metadata: {
      kernelspec: { display_name: "Python 3", language: "python", name: "python3" },
      language_info: { name: "python" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
