import { describe, expect, it } from "vitest";
import { readControls, readUrl, defaultsOf } from "../settings/url-state.ts";
import { LAB_SCHEMAS } from "../../labs/index.ts";

const DR_SCHEMA = LAB_SCHEMAS["dying-relu"];
import { controlNames } from "./lab-schemas.ts";
import { shareSearch } from "./share-link.ts";

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
