import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAB_CATALOG, LAB_IDS, LAB_PRESETS } from "../../labs/index.ts";
import { SERVER_PAGE_POLICY } from "../integrations/headers.ts";

const DOC = readFileSync(new URL("../../docs/embedding.md", import.meta.url), "utf8");

/** The fenced block that follows a heading in the guide. */
function blockAfter(heading: string): string {
  const section = DOC.slice(DOC.indexOf(heading));
  return /```\w*\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
}

describe("the embedding guide (docs/embedding.md)", () => {
  it("lists every lab's address and exactly its presets", () => {
    // One item per lab, its lines joined: "- <title>: `/embed/<id>/`, settings `<key>.…`; presets a, b, c".
    const items = DOC.replaceAll(/\n {2}/g, " ")
      .split("\n")
      .filter((line) => line.startsWith("- "));
    for (const id of LAB_IDS) {
      const item = items.find((line) => line.includes(`\`/embed/${id}/\``));
      expect(item, id).toBeDefined();
      expect(item).toContain(`- ${LAB_CATALOG[id].title.split(" vs.")[0]}: `);
      expect(item).toContain(`settings \`${LAB_CATALOG[id].urlKey}.…\``);
      const listed = item!.replace(/^.*; presets? /, "").split(", ");
      expect(listed, id).toEqual(Object.keys(LAB_PRESETS[id]));
    }
  });

  it("gives the policy the build's _headers gives embed pages, frame-ancestors and all", () => {
    expect(DOC).toContain(SERVER_PAGE_POLICY.replace("frame-ancestors 'self'", "frame-ancestors *"));
  });

  it("has a host page of twenty lines", () => {
    expect(blockAfter("## A host page").trimEnd().split("\n").length).toBeLessThanOrEqual(20);
  });
});
