import { describe, expect, it } from "vitest";
import { BOM, csvCell, toCsv } from "./csv.ts";

describe("toCsv", () => {
  it("writes a BOM, a header row and CRLF lines, numbers in full and gaps empty", () => {
    const text = toCsv(
      ["step", "loss"],
      [
        [1, 0.1 + 0.2],
        [2, Number.NaN],
        [3, null],
        [4, 1e-300],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split("\r\n")).toEqual(["step,loss", "1,0.30000000000000004", "2,", "3,", "4,1e-300", ""]);
    // Full precision: every number reads back to the same double.
    expect(Number(text.slice(1).split("\r\n")[1]!.split(",")[1])).toBe(0.1 + 0.2);
  });

  it("quotes commas, quotes, line ends and edge spaces", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" pad")).toBe('" pad"');
    expect(csvCell("‖∂L/∂W‖ L1")).toBe("‖∂L/∂W‖ L1");
  });

  it("defuses text a spreadsheet would run as a formula (= + - @, tab, CR), but not negative numbers", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+cmd")).toBe("'+cmd");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-2.5)).toBe("-2.5");
  });
});
