import { describe, expect, it } from "vitest";
import { ICONS } from "../images/icons.ts";
import { webManifest } from "./web-manifest.ts";

describe("the web app manifest", () => {
  it("has what a browser needs to offer installing: names, start address, standalone display, 192 and 512 px icons", () => {
    const m = webManifest("/");
    expect(m).toMatchObject({ name: "Activation Labs", short_name: "Activation Labs", start_url: "/", scope: "/" });
    expect(m.display).toBe("standalone");
    const png = m.icons.filter((i) => i.type === "image/png");
    expect(png.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("puts the base path in front of every address, so a build under /course/ installs /course/", () => {
    const m = webManifest("/course/");
    expect([m.id, m.start_url, m.scope]).toEqual(["/course/", "/course/", "/course/"]);
    expect(m.icons.every((i) => i.src.startsWith("/course/"))).toBe(true);
  });

  it("names only icons the build writes", () => {
    const files = new Set(ICONS.map((i) => `/icons/${i.file}`));
    const pngs = webManifest("/").icons.filter((i) => i.type === "image/png");
    expect(pngs.every((i) => files.has(i.src))).toBe(true);
  });
});
