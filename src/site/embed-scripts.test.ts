import { describe, expect, it } from "vitest";
import { embedThemeScript, presetRedirectScript } from "./embed-scripts.ts";

/** Runs an inline script against a stand-in page at `address`; returns where it sent the page (or null) and the page. */
function run(source: string, address: string, systemDark = false) {
  const url = new URL(address);
  let replaced: string | null = null;
  const location = { search: url.search, hash: url.hash, replace: (to: string) => (replaced = to) };
  const listeners: (() => void)[] = [];
  const media = { matches: systemDark, addEventListener: (_: string, f: () => void) => listeners.push(f) };
  const events: string[] = [];
  const document = {
    documentElement: { dataset: {} as Record<string, string>, dispatchEvent: (e: Event) => events.push(e.type) },
  };
  // The script reads only these globals; a parameter of the same name stands in for each.
  new Function("location", "document", "matchMedia", source)(location, document, () => media);
  const systemChanges = (dark: boolean) => {
    media.matches = dark;
    listeners.forEach((f) => f());
  };
  return { replaced: replaced as string | null, root: document.documentElement, events, systemChanges };
}

const ROOT = "/course/embed/dying-relu/";
const PRESETS = ["shock", "negative-bias"];

describe("an embed's preset redirect", () => {
  const onDefault = presetRedirectScript(ROOT, PRESETS, null);
  const onShock = presetRedirectScript(ROOT, PRESETS, "shock");

  it("sends ?preset=<name> to the preset's own page, keeping every other parameter and the fragment", () => {
    expect(run(onDefault, "https://x.test/course/embed/dying-relu/?dr.lr=1&preset=shock&dr.lock=lr#top").replaced).toBe(
      "/course/embed/dying-relu/shock/?dr.lr=1&dr.lock=lr#top",
    );
    expect(run(onShock, "https://x.test/course/embed/dying-relu/shock/?preset=negative-bias").replaced).toBe(
      "/course/embed/dying-relu/negative-bias/",
    );
  });

  it("stays when there is no preset parameter, or it names the page's own preset", () => {
    expect(run(onDefault, "https://x.test/course/embed/dying-relu/?dr.lr=1").replaced).toBeNull();
    expect(run(onShock, "https://x.test/course/embed/dying-relu/shock/?preset=shock").replaced).toBeNull();
  });

  it("keeps an unknown name on the default page (which says so), and sends it there from a preset's page", () => {
    expect(run(onDefault, "https://x.test/course/embed/dying-relu/?preset=nope").replaced).toBeNull();
    expect(run(onDefault, "https://x.test/course/embed/dying-relu/?preset=").replaced).toBeNull();
    expect(run(onShock, "https://x.test/course/embed/dying-relu/shock/?preset=constructor").replaced).toBe(
      "/course/embed/dying-relu/?preset=constructor",
    );
  });

  it("writes names as literals that cannot close the script element", () => {
    expect(presetRedirectScript("/a</script><b>/", ["x"], null)).not.toContain("</script>");
  });
});

describe("an embed's theme", () => {
  it("is the address's theme=light|dark, whatever the system says", () => {
    expect(run(embedThemeScript(), "https://x.test/embed/sandbox/?theme=dark", false).root.dataset.theme).toBe("dark");
    expect(run(embedThemeScript(), "https://x.test/embed/sandbox/?theme=light", true).root.dataset.theme).toBe("light");
  });

  it("follows the system otherwise, as it changes, and tells the plots", () => {
    const page = run(embedThemeScript(), "https://x.test/embed/sandbox/?theme=purple", true);
    expect(page.root.dataset.theme).toBe("dark");
    page.systemChanges(false);
    expect(page.root.dataset.theme).toBe("light");
    expect(page.events).toEqual(["themechange"]);
  });
});
