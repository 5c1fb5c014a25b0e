/**
 * CSV as spreadsheets read it (RFC 4180): UTF-8 with a byte-order mark (so Excel reads "‖∂L/∂W‖" and "−" right),
 * a header row, CRLF line ends. Numbers are written in full (the shortest text that reads back to the same
 * double); a missing value (NaN, null) is an empty cell. Text cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) get a leading apostrophe, so a class name from a reader's
 * file cannot become a formula in a teacher's spreadsheet.
 */

/** A cell: a number (written in full) or text; null or NaN is an empty cell. */
export type CsvCell = string | number | null;

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const BOM = "\uFEFF";

/** The CSV text of a table: BOM, header row, one line per row. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [columns, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** One cell as CSV: numbers in full, text quoted when it must be and defused when it looks like a formula. */
export function csvCell(v: CsvCell): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isNaN(v) ? "" : String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
