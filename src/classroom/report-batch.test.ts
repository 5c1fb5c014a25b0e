import { describe, expect, it } from "vitest";
import { MAX_FILES, readReports, type ReportFile } from "./report-batch.ts";

const file = (name: string, text: string | (() => Promise<string>)): ReportFile => ({
  name,
  size: typeof text === "string" ? text.length : 10,
  text: typeof text === "string" ? async () => text : text,
});

describe("reading a class's report files", () => {
  it("reads each file on its own: one that cannot be read is one refusal, the others go on", async () => {
    const { results } = await readReports(
      [
        file("a.json", "not json"),
        file("broken.json", () => Promise.reject(new Error("NotReadableError"))),
        file("c.json", "{}"),
      ],
      {},
    );
    expect(results.map((r) => (r.status === "invalid" ? `${r.file}: ${r.error}` : r.file))).toEqual([
      "a.json: not a JSON file",
      "broken.json: could not be read",
      "c.json: not an Activation Labs report (format is wrong)",
    ]);
  });

  it(`reads at most ${MAX_FILES} files and names the rest`, async () => {
    const files = Array.from({ length: MAX_FILES + 2 }, (_, i) => file(`s${i + 1}.json`, "{}"));
    const { results, notRead } = await readReports(files, {});
    expect(results).toHaveLength(MAX_FILES);
    expect(notRead).toEqual([`s${MAX_FILES + 1}.json`, `s${MAX_FILES + 2}.json`]);
  });
});
