/**
 * Numbers and text as Python source. A float is written as the shortest decimal that reads back as the same
 * double (what Python's repr and JavaScript's String both give), so every number a script embeds — a point, a
 * starting weight, a loss to check — is the lab's bit for bit, not a rounding of it.
 */

/** A finite number as a Python float literal that reads back exactly: 0.1, 1.0, -0.0, 1e-07, 2.5e+21. */
export function pyFloat(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`pyFloat: ${v} has no Python float literal here (the export is finite).`);
  if (Object.is(v, -0)) return "-0.0";
  const s = String(v);
  // "1e-7" and "1e+21" are Python floats as they are; "3" needs a ".0" to stay a float.
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** A string as a Python string literal (double quotes; backslashes, quotes and line breaks escaped). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

/** A list of items as Python, broken into lines of at most `width` characters, each line indented by `indent`. */
export function pyList(items: readonly string[], indent: string, width = 100): string {
  if (items.length === 0) return "[]";
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line === "" ? item : `${line}, ${item}`;
    if (line !== "" && indent.length + next.length + 1 > width) {
      lines.push(`${indent}${line},`);
      line = item;
    } else line = next;
  }
  lines.push(`${indent}${line},`);
  return `[\n${lines.join("\n")}\n${indent.slice(4)}]`;
}

/** Floats as a Python list (see pyList). */
export function pyFloats(values: ArrayLike<number>, indent: string, width = 100): string {
  return pyList(Array.from(values, pyFloat), indent, width);
}

/** Rows of `columns` floats (a row-major matrix) as a Python list of lists. */
export function pyMatrix(values: ArrayLike<number>, columns: number, indent: string, width = 100): string {
  const rows: string[] = [];
  for (let r = 0; r < values.length / columns; r++)
    rows.push(`[${Array.from({ length: columns }, (_, c) => pyFloat(values[r * columns + c]!)).join(", ")}]`);
  return pyList(rows, indent, width);
}

/** Integers as a Python list (see pyList). */
export function pyInts(values: ArrayLike<number>, indent: string, width = 100): string {
  return pyList(
    Array.from(values, (v) => {
      if (!Number.isInteger(v)) throw new Error(`pyInts: ${v} is not an integer.`);
      return String(v);
    }),
    indent,
    width,
  );
}
