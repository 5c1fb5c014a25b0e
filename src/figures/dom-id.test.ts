import { describe, expect, it } from "vitest";
import { nextEmbedIndex } from "../components/mdx/embed-count.ts";
import { figureDomId } from "./dom-id.ts";

describe("figureDomId", () => {
  it("gives a figure shown twice on one page two ids, and the first showing on each page the plain one", () => {
    const first = figureDomId("f", nextEmbedIndex("/a/", "figure:f"));
    const second = figureDomId("f", nextEmbedIndex("/a/", "figure:f"));
    const elsewhere = figureDomId("f", nextEmbedIndex("/b/", "figure:f"));
    expect(first).toBe("figure-f");
    expect(second).toBe("figure-f-2");
    expect(elsewhere).toBe("figure-f");
  });
});
