/**
 * The teacher page's side of hand-in reports: one file read on its own, through its schema
 * (report-schema.ts), matched to an assignment and version this site has, its checksum recomputed
 * and its answers graded again with the page's own key (regrade.ts). Nothing here throws: whatever
 * a file holds, it becomes one row or one refusal with a reason.
 */
import type { AnswerKey } from "./answer-key.ts";
import { jsonDepth, MAX_JSON_DEPTH, TOO_DEEP } from "./checksum.ts";
import { plainText } from "./plain-text.ts";
import { regrade, type Graded } from "./regrade.ts";
import { expectedChecksum, MAX_REPORT_CHARS, REPORT_FORMAT, REPORT_VERSION, type Report } from "./report.ts";
import { reportSchema } from "./report-schema.ts";

/** A report that was read: `unchanged` when its checksum matches its contents (it is not a signature). */
export interface ReadReport {
  status: "read";
  file: string;
  report: Report;
  checksum: "unchanged" | "edited";
  graded: Graded;
}

/** What the teacher page makes of one file. */
export type ImportedReport = ReadReport | { status: "invalid"; error: string; file: string };

/** The answer keys this page grades with, by assignment slug. */
export type AnswerKeys = Readonly<Record<string, AnswerKey>>;

const refuse = (file: string, error: string): ImportedReport => ({ status: "invalid", error, file });

/** Reads one report file's text: a graded report, or a refusal with its reason. Never throws. */
export async function readReport(text: string, fileName: string, keys: AnswerKeys = {}): Promise<ImportedReport> {
  const file = plainText(fileName).slice(0, 120);
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
    if (format === REPORT_FORMAT && formatVersion !== REPORT_VERSION)
      return refuse(file, "made by another version of this site: ask the student to download the report again");
    const parsed = reportSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join(".") || "format";
      const why = issue?.code === "custom" ? `: ${issue.message}` : " is wrong";
      return refuse(file, `not an Activation Labs report (${where}${why})`);
    }
    const report = parsed.data;
    const { slug, title, version } = report.assignment;
    const key = Object.hasOwn(keys, slug) ? keys[slug] : undefined;
    if (!key) return refuse(file, `made for an assignment this site does not have ("${plainText(slug)}")`);
    if (key.version !== version)
      return refuse(
        file,
        `made for another version of "${title}" (its answers or checks have changed since): ask the student to download the report again`,
      );
    const expected = await expectedChecksum(json as Record<string, unknown>);
    const checksum = expected === report.checksum ? "unchanged" : "edited";
    return { status: "read", file, report, checksum, graded: regrade(report, key) };
  } catch {
    return refuse(file, "could not be read");
  }
}
