import { describe, expect, it } from "vitest";
import { readAudit } from "./audit.ts";

describe("reading npm audit's report", () => {
  it("tells a clean report", () => {
    const clean = { vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 }, dependencies: { prod: 31 } } };
    expect(readAudit(JSON.stringify(clean))).toEqual({ kind: "clean", packages: 31 });
  });

  it("lists what a report found", () => {
    const report = {
      vulnerabilities: { katex: { name: "katex", severity: "moderate", range: "<0.16.21" } },
      metadata: { vulnerabilities: { total: 1 }, dependencies: { prod: 31 } },
    };
    expect(readAudit(JSON.stringify(report))).toEqual({ kind: "vulnerable", found: ["katex <0.16.21 (moderate)"] });
  });

  it.each([
    ["an offline machine", { error: { code: "ENOTFOUND", summary: "request to https://registry.npmjs.org failed" } }],
    [
      "a mirror without the audit endpoint",
      {
        message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
        statusCode: 405,
      },
    ],
  ])("tells %s from a vulnerability", (_name, error) => {
    expect(readAudit(JSON.stringify(error)).kind).toBe("unreachable");
  });

  it("treats output that is no report as unreachable", () => {
    expect(readAudit("npm error network")).toEqual({ kind: "unreachable", reason: "npm audit gave no report" });
  });
});
