/**
 * The teacher page's side of hand-in reports: one file read on its own, through its schema
 * (report-schema.ts), matched to an assignment this site knows, its checksum recomputed, its answers
 * graded again with the page's own key (regrade.ts) and its runs read for the replay check. Nothing
 * here throws: whatever a file holds, it becomes one row or one refusal with a reason.
 *
 * A report made for another version of a known assignment is read and flagged, not graded: the page
 * only has the current key, and grading with it would mark answers against questions that changed.
 */
import { keyBook, type AnswerKeys, type KeyBook } from "./answer-key.ts";
import { jsonDepth, MAX_JSON_DEPTH, TOO_DEEP } from "./checksum.ts";
import { parseSavedRun } from "./lab-run.ts";
import { plainText } from "./plain-text.ts";
import { regrade, type Graded } from "./regrade.ts";
import { expectedChecksum, MAX_REPORT_CHARS, READABLE_VERSIONS, REPORT_FORMAT, type Report } from "./report.ts";
import { reportSchema } from "./report-schema.ts";

export type { AnswerKeys, KeyBook };

/** A report that was read: `unchanged` when its checksum matches its contents (it is not a signature). */
export interface ReadReport {
  status: "read";
  file: string;
  /** The report, with the runs that could be read (the others are in runProblems). */
  report: Report;
  checksum: "unchanged" | "edited";
  /** Graded with the key of the version it names; null when it was made for another version (not graded). */
  graded: Graded | null;
  /** The assignment's title and version this page has (the report's own title is the student's file's). */
  assignment: { slug: string; title: string; version: string };
  /** Why a lab's run cannot be replayed, by lab id: a state without a run, or a run that is not one. */
  runProblems: Record<string, string>;
}

/** What the teacher page makes of one file. */
export type ImportedReport = ReadReport | { status: "invalid"; error: string; file: string };

const refuse = (file: string, error: string): ImportedReport => ({ status: "invalid", error, file });

/** Why each lab's state has no replayable run, and the runs that can be read. */
function readRuns(
  version: number,
  labs: Record<string, unknown>,
  raw: Record<string, unknown>,
): { runs: Report["runs"]; problems: Record<string, string> } {
  const runs: Report["runs"] = {};
  const problems: Record<string, string> = {};
  for (const lab of Object.keys(labs)) {
    const run = Object.hasOwn(raw, lab) ? parseSavedRun(raw[lab]) : null;
    if (run === null)
      problems[lab] =
        version < 3
          ? "made before reports carried their run"
          : "its run was not kept (more changes than a run keeps, or a lab that trains several runs at once)";
    else if (typeof run === "string") problems[lab] = run;
    else runs[lab] = run;
  }
  return { runs, problems };
}

/** Reads one report file's text: a graded report, or a refusal with its reason. Never throws. */
export async function readReport(
  text: string,
  fileName: string,
  keys: AnswerKeys | KeyBook = {},
): Promise<ImportedReport> {
  const file = plainText(fileName).slice(0, 120);
  const book = "find" in keys && typeof keys.find === "function" ? (keys as KeyBook) : keyBook(keys as AnswerKeys);
  try {
    if (text.length > MAX_REPORT_CHARS) return refuse(file, "too large to be a report");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(file, "not a JSON file");
    }
    if (jsonDepth(json) > MAX_JSON_DEPTH) return refuse(file, `not a report: ${TOO_DEEP}`);
    const { format, version: formatVersion } = (json ?? {}) as { format?: unknown; version?: unknown };
    if (format === REPORT_FORMAT && !(READABLE_VERSIONS as readonly unknown[]).includes(formatVersion))
      return refuse(file, "made by another version of this site: ask the student to download the report again");
    const parsed = reportSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join(".") || "format";
      const why = issue?.code === "custom" ? `: ${issue.message}` : " is wrong";
      return refuse(file, `not an Activation Labs report (${where}${why})`);
    }
    const { slug, version } = parsed.data.assignment;
    const found = book.find(slug, version);
    if (!found) return refuse(file, `made for an assignment this site does not have ("${plainText(slug)}")`);
    const { runs, problems } = readRuns(parsed.data.version, parsed.data.labs, parsed.data.runs);
    const report: Report = { ...parsed.data, runs };
    const expected = await expectedChecksum(json as Record<string, unknown>);
    const { key, sameVersion } = found;
    return {
      status: "read",
      file,
      report,
      checksum: expected === report.checksum ? "unchanged" : "edited",
      graded: sameVersion ? regrade(report, key) : null,
      assignment: { slug: key.slug, title: key.title, version: key.version },
      runProblems: problems,
    };
  } catch {
    return refuse(file, "could not be read");
  }
}
