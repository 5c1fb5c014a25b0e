/**
 * A class's report files read as a batch: each file on its own (a file that cannot be read, or
 * holds anything at all, is one refusal and never stops the others), at most MAX_FILES at once,
 * and the names of the files beyond that returned, so the page can say which were not read.
 */
import { MAX_REPORT_CHARS } from "./report.ts";
import { readReport, type AnswerKeys, type ImportedReport, type KeyBook } from "./report-reader.ts";
import { plainText } from "./plain-text.ts";

/** Files read in one batch (a class or two). */
export const MAX_FILES = 200;

/** What the batch needs of a File (so tests can pass plain objects). */
export interface ReportFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

const nameOf = (f: ReportFile) => plainText(String(f.name)).slice(0, 120);

/** One file's result, whatever happens while reading it. */
async function readOne(f: ReportFile, keys: AnswerKeys | KeyBook): Promise<ImportedReport> {
  try {
    // A UTF-8 character is at most 3 bytes per UTF-16 unit: a larger file cannot be under the limit.
    if (f.size > MAX_REPORT_CHARS * 3) return { status: "invalid", error: "too large to be a report", file: nameOf(f) };
    return await readReport(await f.text(), f.name, keys);
  } catch {
    return { status: "invalid", error: "could not be read", file: nameOf(f) };
  }
}

/** Reads up to MAX_FILES files; `notRead` names the rest. */
export async function readReports(
  files: readonly ReportFile[],
  keys: AnswerKeys | KeyBook,
): Promise<{ results: ImportedReport[]; notRead: string[] }> {
  const results = await Promise.all(files.slice(0, MAX_FILES).map((f) => readOne(f, keys)));
  return { results, notRead: files.slice(MAX_FILES).map(nameOf) };
}
