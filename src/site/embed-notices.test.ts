import { describe, expect, it } from "vitest";
import { embedNotices } from "./embed-notices.ts";

const DEFAULT_PAGE = { presets: ["shock", "negative-bias"], preset: null };

describe("an embed's notices about its address", () => {
  it("says nothing about a good address", () => {
    expect(embedNotices("?theme=dark&dr.lr=1", DEFAULT_PAGE)).toEqual([]);
    expect(embedNotices("?preset=shock", { ...DEFAULT_PAGE, preset: "shock" })).toEqual([]);
  });

  it("names an unknown preset and the lab's presets", () => {
    expect(embedNotices("?preset=nope", DEFAULT_PAGE)).toEqual([
      "This lab has no preset called “nope”, so it opened with its default settings. Its presets: shock, negative-bias.",
    ]);
    expect(embedNotices("?preset=", DEFAULT_PAGE)[0]).toMatch(/^The address names no preset, so it opened/);
  });

  it("quotes a hostile value as short plain text", () => {
    const [notice] = embedNotices(`?preset=${encodeURIComponent(`<img src=x>\u0000${"a".repeat(500)}`)}`, DEFAULT_PAGE);
    expect(notice).toContain("“<img src=x>aaaa");
    expect(notice).not.toContain("\u0000");
    expect(notice!.length).toBeLessThan(200);
  });

  it("says when a theme is neither light nor dark", () => {
    expect(embedNotices("?theme=purple", DEFAULT_PAGE)).toEqual([
      "The theme “purple” is not light or dark, so the lab follows your system's colours.",
    ]);
  });
});
