import { describe, expect, it } from "vitest";
import { absoluteUrl, DEFAULT_SITE_URL, normaliseSiteUrl } from "./site-url.ts";

describe("SITE_URL", () => {
  it("defaults to where npm run preview serves the site", () => {
    expect(normaliseSiteUrl(undefined)).toBe(DEFAULT_SITE_URL);
    expect(normaliseSiteUrl("  ")).toBe("http://localhost:4321");
  });

  it("keeps an http(s) origin, with or without a trailing slash, and lower-cases the host", () => {
    expect(normaliseSiteUrl("https://School.Example/")).toBe("https://school.example");
    expect(normaliseSiteUrl(" http://intranet.local:8080 ")).toBe("http://intranet.local:8080");
  });

  it("refuses what is not an origin, saying what to write instead", () => {
    expect(() => normaliseSiteUrl("school.example")).toThrow(/SITE_URL must be a web address such as https:\/\//);
    expect(() => normaliseSiteUrl("ftp://school.example")).toThrow(/https:\/\/ or http:\/\//);
    expect(() => normaliseSiteUrl("javascript:alert(1)")).toThrow(/https:\/\/ or http:\/\//);
    expect(() => normaliseSiteUrl("https://school.example/course/")).toThrow(/BASE_PATH=\/course\//);
    expect(() => normaliseSiteUrl("https://school.example/?a=1")).toThrow(/origin only/);
    expect(() => normaliseSiteUrl("https://me:secret@school.example")).toThrow(/origin only/);
  });

  it("makes a page's absolute address from the origin and its path under the base", () => {
    expect(absoluteUrl("https://school.example", "/course/lessons/relu/")).toBe(
      "https://school.example/course/lessons/relu/",
    );
  });
});
