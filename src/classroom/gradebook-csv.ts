/**
 * The gradebook as a CSV file for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads names in any
 * script), one header row, ISO dates, every value quoted where it must be. A cell that starts with = + - @
 * (or a tab or carriage return) is prefixed with an apostrophe, so a student's name or answer can never
 * become a formula when the file is opened.
 */
import type { GradebookTable } from "./gradebook.ts";

/** Starts a spreadsheet would read as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One value as a CSV cell: made inert if it could be a formula, quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header row's fixed columns, before each question and task. */
const HEAD = ["Assignment", "Version", "Student", "Predictions right", "Questions", "Tasks done", "Tasks"];
/** The fixed columns after them. */
const TAIL = ["Lab results", "Made (ISO)", "Checksum", "Needs a look", "File"];

/** One assignment's table as CSV text (with its byte-order mark): one header row, then one row per report. */
export function gradebookCsv(table: GradebookTable): string {
  const header = [
    ...HEAD,
    ...table.columns.map((c) => (c.kind === "question" ? c.label : `Task: ${c.label}`)),
    ...TAIL,
  ];
  const lines = [header.map(csvCell).join(",")];
  for (const row of table.rows) {
    const graded = row.read.graded;
    const cells = [
      table.assignment.title,
      row.read.report.assignment.version,
      row.student,
      row.correct,
      graded?.score.questions ?? null,
      row.tasksDone,
      graded?.score.tasks ?? null,
      ...row.cells.map((c) => c.text),
      row.labs.join("; "),
      row.read.report.createdAt,
      row.read.report.checksum,
      row.flags.join("; "),
      row.read.file,
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A name for an assignment's CSV file, e.g. "gradebook-dying-relu-2026-12-07.csv". */
export function gradebookFileName(slug: string, now: Date = new Date()): string {
  return `gradebook-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}
