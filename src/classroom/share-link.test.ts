import { describe, expect, it } from "vitest";
import { readControls, readUrl, defaultsOf } from "../settings/url-state.ts";
import { LAB_IDS, LAB_SCHEMAS } from "../../labs/index.ts";

const DR_SCHEMA = LAB_SCHEMAS["dying-relu"];
import { controlNames } from "./lab-schemas.ts";
import { EMBED_HEIGHTS, embedPath, iframeSnippet, shareSearch } from "./share-link.ts";

describe("share links", () => {
  it("writes fixed settings and the lock/hide lists; the lab reads back exactly that", () => {
    const { search, notices } = shareSearch(DR_SCHEMA, "dr", {
      fixed: { bias: "-2", act: "leaky-relu" },
      locked: ["lr", "bias"],
      hidden: ["seed"],
    });
    expect(notices).toEqual([]);
    expect(search).toBe("?dr.act=leaky-relu&dr.bias=-2&dr.lock=lr%2Cbias&dr.hide=seed");
    const read = readUrl(DR_SCHEMA, search, "dr", defaultsOf(DR_SCHEMA));
    expect(read.notices).toEqual([]);
    expect(read.values).toMatchObject({ act: "leaky-relu", bias: -2, lr: 0.1 });
    expect(readControls(search, "dr", controlNames("dying-relu"))).toEqual({
      locked: ["lr", "bias"],
      hidden: ["seed"],
    });
  });

  it("lists each control once, the seed setting and the New seed button as one", () => {
    const names = controlNames("dying-relu");
    expect(names).toEqual([...new Set(names)]);
    expect(names.filter((n) => n === "seed")).toHaveLength(1);
    expect(names).toContain("speed");
  });

  it("clamps an out-of-range value as the lab would, and says so", () => {
    const { search, notices } = shareSearch(DR_SCHEMA, "dr", { fixed: { bias: "-9" }, locked: [], hidden: [] });
    expect(search).toBe("?dr.bias=-3");
    expect(notices[0]?.message).toMatch(/outside -3…1/);
  });
});

describe("iframe snippets", () => {
  it("point at the lab's embed page, or its preset's", () => {
    expect(embedPath("/course/embed/", "dying-relu", null)).toBe("/course/embed/dying-relu/");
    expect(embedPath("/embed/", "dying-relu", "shock")).toBe("/embed/dying-relu/shock/");
  });

  it("are titled, lazy, sized, ask for no permission, and escape what they quote", () => {
    const src = `https://labs.school.example/embed/dying-relu/${shareSearch(DR_SCHEMA, "dr", { fixed: { bias: "-2" }, locked: ["lr"], hidden: [] }).search}`;
    const snippet = iframeSnippet(src, 'Dying "ReLU" <lab>', EMBED_HEIGHTS["dying-relu"]!);
    expect(snippet).toBe(
      '<iframe src="https://labs.school.example/embed/dying-relu/?dr.bias=-2&amp;dr.lock=lr" title="Dying &quot;ReLU&quot; &lt;lab&gt;" ' +
        'width="960" height="2050" loading="lazy" style="width: 100%; max-width: 960px; border: 0"></iframe>',
    );
    expect(snippet).not.toMatch(/\sallow=|\ssandbox=/);
  });

  it("have a height for every lab", () => {
    expect(Object.keys(EMBED_HEIGHTS).sort()).toEqual([...LAB_IDS].sort());
  });
});
