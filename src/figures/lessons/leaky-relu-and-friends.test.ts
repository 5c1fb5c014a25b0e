/** The lesson-7 figures show what their captions say: where the family parts on the left, and which slopes fade there. */
import { describe, expect, it } from "vitest";
import { getActivation, sigmoid } from "../../core/index.ts";
import { extreme, FAMILY_ALPHA, reluFamily, reluFamilySlopes, softplus } from "./leaky-relu-and-friends.ts";

/** The table's column for a series label, as numbers, and the x column. */
function column(table: { columns: string[]; rows: (string | number)[][] }, label: string): number[] {
  const j = table.columns.indexOf(label);
  expect(j, label).toBeGreaterThan(0);
  return table.rows.map((r) => r[j] as number);
}

describe("relu-family", () => {
  const chart = reluFamily.build();

  it("tabulates the five members from the core, on x from −4 to 3", () => {
    const xs = chart.table.rows.map((r) => r[0] as number);
    expect([xs[0], xs.at(-1)]).toEqual([-4, 3]);
    expect(chart.table.columns).toEqual([
      "x",
      `Leaky ReLU (α = ${FAMILY_ALPHA})`,
      "ELU (α = 1)",
      "softplus",
      "GELU",
      "SiLU",
    ]);
    column(chart.table, "softplus").forEach((v, i) => expect(v).toBeCloseTo(Math.log1p(Math.exp(xs[i]!)), 12));
    column(chart.table, `Leaky ReLU (α = ${FAMILY_ALPHA})`).forEach((v, i) =>
      expect(v).toBeCloseTo(getActivation("leaky-relu", FAMILY_ALPHA).f(xs[i]!), 15),
    );
  });

  it("caption: ELU levels off at −1, softplus stays above x, GELU and SiLU dip to −0.17 and −0.28", () => {
    expect(getActivation("elu", 1).f(-40)).toBeCloseTo(-1, 12);
    for (const x of [-4, 0, 3]) expect(softplus(x)).toBeGreaterThan(Math.max(x, 0));
    expect(reluFamily.caption).toContain("(to −0.17 and −0.28)");
    expect(extreme(getActivation("gelu").f, "min").y).toBeCloseTo(-0.17, 2);
    expect(extreme(getActivation("silu").f, "min").y).toBeCloseTo(-0.278, 2);
  });
});

describe("relu-family-slopes", () => {
  const chart = reluFamilySlopes.build();

  it("softplus's slope is the sigmoid, and only Leaky ReLU's slope stays at α on the left", () => {
    const xs = chart.table.rows.map((r) => r[0] as number);
    column(chart.table, "softplus").forEach((v, i) => expect(v).toBe(sigmoid(xs[i]!)));
    const left = xs.map((x, i) => [x, i] as const).filter(([x]) => x < 0);
    for (const [, i] of left) expect(column(chart.table, `Leaky ReLU (α = ${FAMILY_ALPHA})`)[i]).toBe(FAMILY_ALPHA);
    const far = xs.indexOf(-4);
    for (const label of ["ELU (α = 1)", "softplus", "GELU", "SiLU"])
      expect(Math.abs(column(chart.table, label)[far]!)).toBeLessThan(FAMILY_ALPHA);
  });

  it("caption: ELU's and softplus's slopes are about 0.018 at x = −4; GELU's and SiLU's reach −0.13 and −0.10 and overshoot 1 to 1.13 and 1.10", () => {
    expect(reluFamilySlopes.caption).toContain("(about 0.018 at x = −4)");
    expect(getActivation("elu", 1).df(-4)).toBeCloseTo(0.018, 3);
    expect(sigmoid(-4)).toBeCloseTo(0.018, 3);
    expect(reluFamilySlopes.caption).toContain("(to −0.13 and −0.10) and overshoot 1 (to 1.13 and 1.10)");
    expect(extreme(getActivation("gelu").df, "max").y).toBeGreaterThan(1);
    expect(extreme(getActivation("silu").df, "min").y).toBeLessThan(0);
  });
});
