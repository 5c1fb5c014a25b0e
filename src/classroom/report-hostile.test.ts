/** The report reader on the crafted files in tests/fixtures/hostile (issue 18, items 1, 2 and 5). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./checksum.ts";
import { readReport } from "./report-reader.ts";
import { reportSchema } from "./report-schema.ts";

const hostile = (name: string) => readFileSync(`tests/fixtures/hostile/${name}`, "utf8");

describe("hostile report files", () => {
  it("refuses a report with a field nested 60,000 deep, with a reason, without throwing", async () => {
    const text = hostile("deep-unknown-field.json");
    expect(text.length).toBeGreaterThan(120_000);
    const result = await readReport(text, "deep.json").catch((e: unknown) => ({ status: "threw", error: String(e) }));
    expect(result).toMatchObject({ status: "invalid", error: expect.stringMatching(/nested too deep/) });
  });

  it("never overflows the stack while writing canonical JSON", () => {
    let deep: unknown = [];
    for (let i = 0; i < 60_000; i++) deep = [deep];
    expect(() => canonicalJson({ deep })).toThrow(/nested too deep/);
  });

  it("refuses answers that repeat an id", async () => {
    const result = await readReport(hostile("duplicate-ids.json"), "dup.json");
    expect(result).toMatchObject({
      status: "invalid",
      error: expect.stringMatching(/the id "smallest" is used twice/),
    });
  });

  it("strips control and bidirectional override characters from the student's name and the file's", async () => {
    const parsed = reportSchema.parse(JSON.parse(hostile("bidi-name.json")));
    expect(parsed.student).toBe("ecalevoL adA");
    expect((await readReport("{}", "\u202enosj.exe")).file).toBe("nosj.exe");
  });

  it("never lets a lab keyed __proto__ reach an object's prototype", () => {
    const genuine = JSON.parse(hostile("genuine.json"));
    const state = Object.values(genuine.labs)[0];
    const text = JSON.stringify(genuine).replace('"labs":{', `"labs":{"__proto__":${JSON.stringify(state)},`);
    const labs: Record<string, unknown> = reportSchema.parse(JSON.parse(text)).labs;
    expect(Object.keys(labs)).toEqual(["vanishing-gradients"]);
    expect(labs.step).toBeUndefined();
    expect(({} as Record<string, unknown>).step).toBeUndefined();
  });
});
