/**
 * Reads a reader's points from CSV text: one point per line, `x1,x2,label`, with or without a header line;
 * labels are numbers (0/1, …) or class names. All or nothing: one bad line and nothing is loaded, with a
 * message per bad line that gives its number and what is wrong. Text too large to be a dataset is refused
 * before it is split, so a huge paste cannot freeze the page.
 *
 * The same reader checks what the browser stored (own-data-store.ts), through writePointsCsv's text.
 */
import { LIMITS } from "../../src/core/index.ts";
import type { OwnData } from "./own-data.ts";

/** What the sandbox takes from a reader's file. */
export const OWN_LIMITS = Object.freeze({
  /** Points at least and at most: the trainer's own limits (LIMITS.minPoints, LIMITS.maxPoints). */
  minPoints: LIMITS.minPoints,
  maxPoints: LIMITS.maxPoints,
  /** Classes at most: the sandbox's five class colours (the trainer takes up to LIMITS.maxClasses). */
  maxClasses: 5,
  /** Characters of text at most (a file's bytes at most, too): 2,000 points need far fewer. */
  maxChars: 1_000_000,
  /** Characters of one line at most, and of a class name. */
  maxLineChars: 300,
  maxLabelChars: 40,
  /** |coordinate| at most, in the reader's units. */
  maxAbs: 1e9,
});

/** One problem: the line it is on (counted from 1, as an editor counts), or null for the text as a whole. */
export interface CsvProblem {
  line: number | null;
  message: string;
}

/** Problems a result keeps the text of; the rest are only counted. */
const KEPT_PROBLEMS = 20;

/** What reading gives: the data, or every problem (the first KEPT_PROBLEMS in words) and how many lines are bad. */
export type CsvResult =
  { ok: true; data: OwnData; header: boolean } | { ok: false; problems: CsvProblem[]; badLines: number };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads `text` (a file's contents or pasted text); `source` names it on screen. */
export function readPointsCsv(text: string, source: string): CsvResult {
  const whole = (message: string): CsvResult => ({ ok: false, problems: [{ line: null, message }], badLines: 0 });
  if (text.length > OWN_LIMITS.maxChars)
    return whole(
      `The text is ${megabytes(text.length)} long; the sandbox reads at most ${megabytes(OWN_LIMITS.maxChars)} (${count(OWN_LIMITS.maxPoints)} points need far less).`,
    );
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const separator = pickSeparator(lines.find((l) => l.trim() !== "") ?? "");
  const problems: CsvProblem[] = [];
  let badLines = 0;
  const bad = (line: number, message: string) => {
    badLines++;
    if (problems.length < KEPT_PROBLEMS) problems.push({ line, message });
  };
  const x: number[] = [];
  const names: string[] = [];
  let header = false;
  let seenFirst = false;
  let points = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === "") continue;
    const line = i + 1;
    const first = !seenFirst;
    seenFirst = true;
    if (raw.length > OWN_LIMITS.maxLineChars) {
      bad(line, `the line is ${count(raw.length)} characters long; a point needs at most ${OWN_LIMITS.maxLineChars}.`);
      continue;
    }
    const fields = splitFields(raw, separator);
    if (fields === null) {
      bad(line, "a quoted value is not closed.");
      continue;
    }
    if (first && fields.length === 3 && !NUMBER.test(fields[0]!) && !NUMBER.test(fields[1]!)) {
      header = true;
      continue;
    }
    if (fields.length !== 3) {
      bad(line, `expected 3 values (x1, x2, label), found ${fields.length}.`);
      continue;
    }
    points++;
    if (points > OWN_LIMITS.maxPoints) continue;
    const problem =
      coordinateProblem("x1", fields[0]!) ?? coordinateProblem("x2", fields[1]!) ?? labelProblem(fields[2]!);
    if (problem) {
      bad(line, problem);
      continue;
    }
    x.push(Number(fields[0]), Number(fields[1]));
    names.push(fields[2]!);
  }
  if (points > OWN_LIMITS.maxPoints)
    return whole(`The text has ${count(points)} points; the sandbox takes at most ${count(OWN_LIMITS.maxPoints)}.`);
  if (badLines > 0) return { ok: false, problems, badLines };
  if (points < OWN_LIMITS.minPoints)
    return whole(
      points === 0
        ? "There are no points: write one point per line as x1,x2,label."
        : `There ${points === 1 ? "is 1 point" : `are ${points} points`}; the sandbox needs at least ${OWN_LIMITS.minPoints}.`,
    );
  const classNames = orderClasses(names);
  if (classNames.length < 2)
    return whole(`Every point has the label "${classNames[0]}": a classifier needs at least two classes.`);
  if (classNames.length > OWN_LIMITS.maxClasses)
    return whole(
      `There are ${classNames.length} classes (${classNames.join(", ")}); the sandbox takes at most ${OWN_LIMITS.maxClasses}, one per class colour.`,
    );
  const index = new Map(classNames.map((name, i) => [name, i]));
  return { ok: true, header, data: { source, x, labels: names.map((n) => index.get(n)!), classNames } };
}

/**
 * The data as canonical CSV: a header, then `x1,x2,label` per point, numbers written so they read back to the
 * same double (what the browser stores; readPointsCsv reads it back to equal data).
 */
export function writePointsCsv(data: OwnData): string {
  const rows = data.labels.map(
    (c, i) => `${String(data.x[2 * i])},${String(data.x[2 * i + 1])},${quote(data.classNames[c] ?? String(c))}`,
  );
  return ["x1,x2,label", ...rows].join("\n");
}

/** Comma unless the first line uses tabs or semicolons (spreadsheets in many languages save with ";"). */
function pickSeparator(line: string): string {
  if (line.includes("\t")) return "\t";
  if (line.includes(";") && !line.includes(",")) return ";";
  return ",";
}

/**
 * The line's fields: unquoted ones trimmed, "quoted" ones as written inside their quotes ("" inside one is a
 * quote); null if a quote is not closed.
 */
function splitFields(line: string, separator: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === " ") i++;
    let value = "";
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      const end = line.indexOf(separator, i);
      i = end < 0 ? line.length : end;
    } else {
      const end = line.indexOf(separator, i);
      value = line.slice(i, end < 0 ? line.length : end).trim();
      i = end < 0 ? line.length : end;
    }
    fields.push(value);
    if (i >= line.length) return fields;
    i += separator.length;
  }
}

function coordinateProblem(name: string, field: string): string | null {
  if (field === "") return `${name} is empty.`;
  if (!NUMBER.test(field)) return `${name} is not a number: "${clip(field)}".`;
  const v = Number(field);
  if (!Number.isFinite(v) || Math.abs(v) > OWN_LIMITS.maxAbs)
    return `${name} is ${field}, beyond ±${count(OWN_LIMITS.maxAbs)}.`;
  return null;
}

function labelProblem(field: string): string | null {
  if (field === "") return "the label is empty.";
  if (field.length > OWN_LIMITS.maxLabelChars)
    return `the label is ${field.length} characters long; a class name has at most ${OWN_LIMITS.maxLabelChars}.`;
  if (/[\u0000-\u001f\u007f]/.test(field)) return "the label contains a control character.";
  return null;
}

/** Class names in order: numerically when every label is a number (0, 1, 2 or 1, 2), else as text. */
function orderClasses(names: readonly string[]): string[] {
  const distinct = [...new Set(names)];
  if (distinct.every((n) => NUMBER.test(n))) return distinct.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1));
  return distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function quote(name: string): string {
  return /[",;\t]|^\s|\s$/.test(name) ? `"${name.replaceAll('"', '""')}"` : name;
}

function clip(s: string): string {
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

function count(n: number): string {
  return n.toLocaleString("en-GB");
}

function megabytes(chars: number): string {
  return `${(chars / 1e6).toFixed(chars < 1e7 ? 1 : 0)} MB`;
}
