import { describe, expect, it } from "vitest";
import { forgetOwnData, loadOwnData, OWN_DATA_KEY, saveOwnData, type OwnDataStorage } from "./own-data-store.ts";
import type { OwnData } from "./own-data.ts";

/** A Map-backed stand-in for localStorage. */
function memory(): OwnDataStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

const DATA: OwnData = {
  source: "flowers.csv",
  x: [0.1 + 0.2, -1 / 3, 2.5e-7, 1e8, -4, 0, 9, 9],
  labels: [2, 0, 1, 0],
  classNames: ["iris setosa", "iris, versicolor", "virginica"],
};

describe("own data in the browser's storage", () => {
  it("round-trips the points exactly, names and source included", () => {
    const s = memory();
    expect(saveOwnData(s, DATA)).toBeNull();
    expect(loadOwnData(s)).toEqual({ data: DATA, notice: null });
    forgetOwnData(s);
    expect(s.map.has(OWN_DATA_KEY)).toBe(false);
    expect(loadOwnData(s)).toEqual({ data: null, notice: null });
  });

  it("reads what is stored through the CSV reader: an edited value is refused with a notice", () => {
    const s = memory();
    saveOwnData(s, DATA);
    const stored = JSON.parse(s.map.get(OWN_DATA_KEY)!) as { csv: string };
    s.map.set(OWN_DATA_KEY, JSON.stringify({ ...stored, csv: stored.csv.replace("-4", "minus four") }));
    expect(loadOwnData(s)).toEqual({
      data: null,
      notice:
        'The data kept in this browser does not read as points (line 4: x1 is not a number: "minus four"), so it is not used.',
    });
  });

  it("refuses damaged, foreign, oversized and shapeless values, and never throws", () => {
    const s = memory();
    const notice = (value: string) => {
      s.map.set(OWN_DATA_KEY, value);
      return loadOwnData(s).notice;
    };
    expect(notice("{not json")).toMatch(/is damaged/);
    expect(notice(JSON.stringify({ version: 2, source: "a", csv: "" }))).toMatch(/another version/);
    expect(notice(JSON.stringify({ version: 1, source: "a", csv: 5 }))).toMatch(/is damaged/);
    expect(notice("null")).toMatch(/another version/);
    expect(notice("x".repeat(1_002_000))).toMatch(/too large/);
  });

  it("loads for the page when storage is blocked, and says a reload will forget it", () => {
    const blocked: OwnDataStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(saveOwnData(blocked, DATA)).toMatch(/a reload will forget it/);
    expect(saveOwnData(null, DATA)).toMatch(/a reload will forget it/);
    expect(loadOwnData(blocked)).toEqual({ data: null, notice: null });
    expect(() => forgetOwnData(blocked)).not.toThrow();
  });
});
