import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/core/index.ts";
import { OWN_LIMITS, readPointsCsv, writePointsCsv, type CsvResult } from "./points-csv.ts";

/** The data of a result that must be good. */
function good(result: CsvResult) {
  if (!result.ok) throw new Error(`expected data, got ${JSON.stringify(result.problems)}`);
  return result;
}

/** The problems of a result that must be bad, as "line: message". */
function problems(result: CsvResult): string[] {
  if (result.ok) throw new Error("expected problems, got data");
  return result.problems.map((p) => `${p.line ?? "-"}: ${p.message}`);
}

describe("readPointsCsv", () => {
  it("reads x1,x2,label lines with numeric labels in numeric order", () => {
    const r = good(readPointsCsv("0.5,1,1\n-2,3e-1,0\n1,1,1\n.25,-0.75,0", "a.csv"));
    expect(r.header).toBe(false);
    expect(r.data).toEqual({
      source: "a.csv",
      x: [0.5, 1, -2, 0.3, 1, 1, 0.25, -0.75],
      labels: [1, 0, 1, 0],
      classNames: ["0", "1"],
    });
  });

  it("skips a header line, and takes class names sorted as text", () => {
    const r = good(readPointsCsv("x1,x2,species\n1,2,versicolor\n3,4,setosa\n5,6,virginica\n7,8,setosa\n", "iris"));
    expect(r.header).toBe(true);
    expect(r.data.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(r.data.labels).toEqual([1, 0, 2, 0]);
  });

  it("orders numeric labels by value, not as text (2 before 10), and keeps 1 and 2 as two classes", () => {
    expect(good(readPointsCsv("0,0,10\n0,1,2\n1,0,10\n1,1,2", "")).data.classNames).toEqual(["2", "10"]);
    expect(good(readPointsCsv("0,0,1\n0,1,2\n1,0,1\n1,1,2", "")).data.labels).toEqual([0, 1, 0, 1]);
  });

  it("takes a byte-order mark, CRLF and CR line ends, blank lines, spaces, quotes, tabs and semicolons", () => {
    const expected = { x: [1, 2, 3, 4, 5, 6, 7, 8], labels: [0, 1, 0, 1], classNames: ["a", "b, c"] };
    const texts = [
      '\uFEFFx1,x2,label\r\n1,2,a\r\n\r\n3, 4 ,"b, c"\r\n  \r\n5,6,a\r\n7,8,"b, c"\r\n',
      '1,2,a\r3,4,"b, c"\r5,6,a\r7,8,"b, c"',
      "x1\tx2\tlabel\n1\t2\ta\n3\t4\tb, c\n5\t6\ta\n7\t8\tb, c",
      "x1;x2;label\n1;2;a\n3;4;b, c\n5;6;a\n7;8;b, c",
    ];
    for (const text of texts) expect(good(readPointsCsv(text, "t")).data).toEqual({ source: "t", ...expected });
    expect(good(readPointsCsv('0,0,"say ""hi"""\n1,1,x\n2,2,x\n3,3,x', "")).data.classNames).toEqual(['say "hi"', "x"]);
  });

  it("names each bad line by its number in the text (blank lines and the header counted) and what is wrong", () => {
    const text = [
      "x1,x2,label", // 1
      "1,2,0", // 2
      "", // 3
      "abc,2,1", // 4
      "1,,0", // 5
      "1,2", // 6
      "1,2,0,7", // 7
      "1,2,", // 8
      "1,1e999,1", // 9
      '1,2,"open', // 10
      "1,2,0", // 11
      "2e9,1,0", // 12
      `1,2,${"n".repeat(41)}`, // 13
      "1,2,a\u0007b", // 14
      "x".repeat(301), // 15
      "NaN,Infinity,1", // 16
    ].join("\n");
    expect(problems(readPointsCsv(text, ""))).toEqual([
      '4: x1 is not a number: "abc".',
      "5: x2 is empty.",
      "6: expected 3 values (x1, x2, label), found 2.",
      "7: expected 3 values (x1, x2, label), found 4.",
      "8: the label is empty.",
      "9: x2 is 1e999, beyond ±1,000,000,000.",
      "10: a quoted value is not closed.",
      "12: x1 is 2e9, beyond ±1,000,000,000.",
      "13: the label is 41 characters long; a class name has at most 40.",
      "14: the label contains a control character.",
      "15: the line is 301 characters long; a point needs at most 300.",
      '16: x1 is not a number: "NaN".',
    ]);
  });

  it("loads nothing when any line is bad, keeps the first 20 messages and counts every bad line", () => {
    const lines = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? `${i},${i},${i % 4 === 0 ? 0 : 1}` : `${i},?,0`));
    const r = readPointsCsv(lines.join("\n"), "");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.badLines).toBe(30);
    expect(r.problems).toHaveLength(20);
    expect(r.problems[0]).toEqual({ line: 2, message: 'x2 is not a number: "?".' });
  });

  it("refuses too few points, a single class and more classes than the colours", () => {
    expect(problems(readPointsCsv("", ""))).toEqual([
      "-: There are no points: write one point per line as x1,x2,label.",
    ]);
    expect(problems(readPointsCsv("x1,x2,label\n\n", ""))[0]).toMatch(/no points/);
    expect(problems(readPointsCsv("1,2,0\n2,3,1\n4,4,1", ""))).toEqual([
      "-: There are 3 points; the sandbox needs at least 4.",
    ]);
    expect(problems(readPointsCsv("1,2,cat\n2,3,cat\n4,4,cat\n5,5,cat", ""))).toEqual([
      '-: Every point has the label "cat": a classifier needs at least two classes.',
    ]);
    const six = Array.from({ length: 12 }, (_, i) => `${i},0,${"abcdef"[i % 6]}`).join("\n");
    expect(problems(readPointsCsv(six, ""))).toEqual([
      "-: There are 6 classes (a, b, c, d, e, f); the sandbox takes at most 5, one per class colour.",
    ]);
  });

  it("takes up to the trainer's point limit and refuses one more, counting them all", () => {
    expect(OWN_LIMITS.maxPoints).toBe(LIMITS.maxPoints);
    const row = (i: number) => `${i / 7},${-i / 3},${i % 2}`;
    const full = Array.from({ length: LIMITS.maxPoints }, (_, i) => row(i)).join("\n");
    expect(good(readPointsCsv(full, "")).data.labels).toHaveLength(LIMITS.maxPoints);
    const over = Array.from({ length: 2500 }, (_, i) => row(i)).join("\n");
    expect(problems(readPointsCsv(over, ""))).toEqual([
      "-: The text has 2,500 points; the sandbox takes at most 2,000.",
    ]);
  });

  it("refuses a huge text before splitting it, at once", () => {
    const huge = "1,2,0\n".repeat(3_000_000);
    const started = performance.now();
    const r = readPointsCsv(huge, "");
    expect(performance.now() - started).toBeLessThan(50);
    expect(problems(r)).toEqual([
      "-: The text is 18 MB long; the sandbox reads at most 1.0 MB (2,000 points need far less).",
    ]);
  });
});

describe("writePointsCsv", () => {
  it("writes text that reads back to the same points, exactly, names with commas and quotes included", () => {
    const data = {
      source: "s",
      x: [0.1 + 0.2, -1e-300, 123456789.123, 1 / 3, 5, 6, 7, 8],
      labels: [0, 1, 2, 1],
      // In the reader's order (as text), so the indices stay as they are.
      classNames: [" padded ", "=SUM(A1)", 'b "quoted", one'],
    };
    const text = writePointsCsv(data);
    expect(text.split("\n")[0]).toBe("x1,x2,label");
    expect(good(readPointsCsv(text, "s")).data).toEqual(data);
  });
});
