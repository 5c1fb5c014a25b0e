/**
 * The class gradebook: read reports as tables, one per assignment, one row per report and one column per
 * question and per task, labelled by their text from this page's answer key (never the file's). Each row says
 * what needs a look: a report edited after export, claims that do not follow from its answers, another version
 * of the assignment, the same student twice, the same file twice. Rows are sorted and filtered here, so the
 * view only draws; the CSV (gradebook-csv.ts) is made from the same tables.
 *
 *   ReadReport[] + KeyBook ──► Gradebook { tables: [{ assignment, columns, rows }] } ──► view / CSV
 */
import type { KeyBook } from "./answer-key.ts";
import type { StoredLabState } from "./lab-state-schema.ts";
import { labResults } from "./lab-words.ts";
import type { ReadReport } from "./report-reader.ts";

/** A question or a task, as a column: its id and the words that head it. */
export interface GradebookColumn {
  id: string;
  kind: "question" | "task";
  label: string;
}

/** One cell: what the report gives, and whether it counts (null: not graded, another version). */
export interface GradebookCell {
  text: string;
  ok: boolean | null;
}

/** One report as a row. */
export interface GradebookRow {
  /** Its place in the import order (stable across sorting). */
  key: number;
  read: ReadReport;
  student: string;
  /** Cells by column id, in the table's column order. */
  cells: GradebookCell[];
  /** This page's score (null when not graded). */
  correct: number | null;
  tasksDone: number | null;
  /** Each lab's results, e.g. "dying-relu: step 300, loss 0.2011, training accuracy 94%". */
  labs: string[];
  /** What needs a look, in words (empty: nothing). */
  flags: string[];
}

/** One assignment's reports. */
export interface GradebookTable {
  assignment: { slug: string; title: string; version: string };
  columns: GradebookColumn[];
  rows: GradebookRow[];
}

/** How the rows are ordered: the import order, by student name, by score (highest first), by time made. */
export type GradebookSort = "imported" | "student" | "score" | "made";

/** Which rows are shown: a part of the student's name, and only the rows that need a look. */
export interface GradebookFilter {
  student: string;
  flaggedOnly: boolean;
}

/** A name as duplicates are found: trimmed, case and spacing ignored. */
const sameName = (name: string) => name.trim().toLocaleLowerCase().replace(/\s+/g, " ");

/** A lab's results in one line, with its id when a report carries several labs. */
function labLine(id: string, s: StoredLabState, several: boolean): string {
  return `${several ? `${id}: ` : ""}${labResults(s)}`;
}

/** The cells of a graded report, in column order. */
function cellsOf(read: ReadReport, columns: GradebookColumn[]): GradebookCell[] {
  const graded = read.graded;
  return columns.map((c) => {
    if (c.kind === "question") {
      const given = read.report.answers.find((a) => a.id === c.id);
      const answer = graded?.answers.find((a) => a.id === c.id);
      const text = answer?.answer ?? given?.answer ?? "";
      return { text: text || "not answered", ok: graded ? (answer?.correct ?? false) : null };
    }
    const task = graded?.tasks.find((t) => t.id === c.id);
    if (!graded) {
      const given = read.report.tasks.find((t) => t.id === c.id);
      return { text: given?.done ? "done (claimed)" : "not done", ok: null };
    }
    return { text: task?.done ? "done" : "not done", ok: task?.done ?? false };
  });
}

/**
 * The gradebook of `reads` (in import order, keyed by `keys[i]`): a table per assignment in the order first
 * seen, each headed by the key `book` has for it (the question prompts and task titles).
 */
export function buildGradebook(reads: readonly { key: number; read: ReadReport }[], book: KeyBook): GradebookTable[] {
  const tables = new Map<string, GradebookTable>();
  for (const { key, read } of reads) {
    const slug = read.assignment.slug;
    let table = tables.get(slug);
    if (!table) {
      const found = book.find(slug, read.assignment.version);
      const k = found?.key;
      const columns: GradebookColumn[] = [
        ...(k?.questions ?? []).map((q) => ({ id: q.id, kind: "question" as const, label: q.prompt })),
        ...(k?.tasks ?? []).map((t) => ({ id: t.id, kind: "task" as const, label: t.title })),
      ];
      table = { assignment: read.assignment, columns, rows: [] };
      tables.set(slug, table);
    }
    const labs = Object.entries(read.report.labs);
    table.rows.push({
      key,
      read,
      student: read.report.student,
      cells: cellsOf(read, table.columns),
      correct: read.graded?.score.correct ?? null,
      tasksDone: read.graded?.score.tasksDone ?? null,
      labs: labs.map(([id, s]) => labLine(id, s, labs.length > 1)),
      flags: [],
    });
  }
  for (const table of tables.values()) flagRows(table.rows);
  return [...tables.values()];
}

/** Says on each row what needs a look, naming the other file when a student or a file comes twice. */
function flagRows(rows: GradebookRow[]): void {
  const byName = new Map<string, GradebookRow[]>();
  const byChecksum = new Map<string, GradebookRow[]>();
  for (const row of rows) {
    const name = sameName(row.student);
    if (name) byName.set(name, [...(byName.get(name) ?? []), row]);
    byChecksum.set(row.read.report.checksum, [...(byChecksum.get(row.read.report.checksum) ?? []), row]);
  }
  for (const row of rows) {
    const { read } = row;
    if (read.checksum === "edited") row.flags.push("edited after export");
    if (!read.graded) row.flags.push("made for another version of this assignment: not graded");
    else if (read.graded.mismatches.length > 0) row.flags.push("does not match its answers");
    const others = (group: GradebookRow[] | undefined) =>
      (group ?? []).filter((r) => r !== row).map((r) => r.read.file);
    const sameFile = others(byChecksum.get(read.report.checksum));
    if (sameFile.length > 0) row.flags.push(`the same file twice (also ${sameFile.join(", ")})`);
    const sameStudent = others(byName.get(sameName(row.student))).filter((f) => !sameFile.includes(f));
    if (sameStudent.length > 0) row.flags.push(`the same student twice (also ${sameStudent.join(", ")})`);
  }
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });

/** A table's rows as shown: filtered, then sorted (ties keep the import order). */
export function shownRows(table: GradebookTable, sort: GradebookSort, filter: GradebookFilter): GradebookRow[] {
  const part = sameName(filter.student);
  const rows = table.rows.filter(
    (r) => (!part || sameName(r.student).includes(part)) && (!filter.flaggedOnly || r.flags.length > 0),
  );
  const compare = (a: GradebookRow, b: GradebookRow): number => {
    switch (sort) {
      case "imported":
        return 0;
      case "student":
        return byText(a.student, b.student);
      case "score":
        return (b.correct ?? -1) + (b.tasksDone ?? 0) - ((a.correct ?? -1) + (a.tasksDone ?? 0));
      case "made":
        return byText(a.read.report.createdAt, b.read.report.createdAt);
    }
  };
  return rows.sort((a, b) => compare(a, b) || a.key - b.key);
}
