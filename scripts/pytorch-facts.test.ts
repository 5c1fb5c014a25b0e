/** Tests of `npm run facts:pytorch`'s comparison: which keys it reports when torch's numbers change. */
import { describe, expect, it } from "vitest";
import { describeChange, diffJson } from "./pytorch-facts.ts";

describe("pytorch-facts: comparing a fresh run with the committed fixture", () => {
  it("finds nothing when the values agree, whatever the key order", () => {
    expect(diffJson({ a: 1, b: [1, 2, { c: "x" }] }, { b: [1, 2, { c: "x" }], a: 1 })).toEqual([]);
  });

  it("names each changed leaf by its path, with both values", () => {
    const changes = diffJson(
      { torch_version: "2.13.0", sigmoid: { float32: { z: [-88.72, 16.64] } } },
      { torch_version: "2.14.0", sigmoid: { float32: { z: [-88.72, 16.65] } } },
    );
    expect(changes.map(describeChange)).toEqual([
      'torch_version: "2.13.0" → "2.14.0"',
      "sigmoid.float32.z[1]: 16.64 → 16.65",
    ]);
  });

  it("reports added and removed keys and array entries as absent on one side", () => {
    expect(diffJson({ a: [1], gone: true }, { a: [1, 2], added: null }).map(describeChange)).toEqual([
      "a[1]: (absent) → 2",
      "gone: true → (absent)",
      "added: (absent) → null",
    ]);
  });

  it("tells −0 from 0 (torch's GELU(−10) in float32 is −0) and a number from the same digits as a string", () => {
    expect(diffJson({ f: -0 }, { f: 0 }).map(describeChange)).toEqual(["f: -0 → 0"]);
    expect(diffJson({ f: 1 }, { f: "1" })).toHaveLength(1);
  });

  it("reports a leaf replaced by an object at the leaf's path", () => {
    expect(diffJson({ a: 1 }, { a: { b: 1 } }).map(describeChange)).toEqual(['a: 1 → {"b":1}']);
  });
});
