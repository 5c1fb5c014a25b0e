import { describe, expect, it } from "vitest";
import { networkDiagram, type NetworkDiagramSpec } from "./network-diagram.ts";

const spec = (over: Partial<NetworkDiagramSpec> = {}): NetworkDiagramSpec => ({
  units: [
    { id: "a", x: 40, y: 40, above: [{ text: "x = 1" }] },
    { id: "b", x: 200, y: 40, inside: "Σ", below: [{ text: "δ = −0.5", color: 2 }] },
  ],
  wires: [{ from: "a", to: "b", label: { text: "0.5" } }],
  height: 100,
  table: { columns: ["wire", "weight"], rows: [["a → b", 0.5]] },
  ...over,
});

describe("networkDiagram", () => {
  it("draws a circle per unit, a line per wire (stopping at the circles) and every label, and passes the table through", () => {
    const chart = networkDiagram(spec());
    expect(chart.body.match(/<circle /g)).toHaveLength(2);
    expect(chart.body.match(/<line /g)).toHaveLength(1);
    expect(chart.body).toContain('x1="55" y1="40" x2="185" y2="40"');
    for (const label of ["x = 1", "Σ", "δ = −0.5", "0.5"]) expect(chart.body).toContain(`>${label}</text>`);
    expect(chart.table.rows).toEqual([["a → b", 0.5]]);
    expect(chart.height).toBe(100);
  });

  it("colours a label by its data colour, and puts a legend row on top that shifts the drawing down", () => {
    const chart = networkDiagram(spec({ legend: [{ label: "δ: backward", color: 2 }] }));
    expect(chart.body).toContain('class="fig-bar c2 fig-halo"');
    expect(chart.height).toBeGreaterThan(100);
    expect(chart.body).not.toContain('cy="40"');
  });

  it("refuses a wire to a unit that does not exist, and a label that would run past the sides", () => {
    expect(() => networkDiagram(spec({ wires: [{ from: "a", to: "c" }] }))).toThrow(/unknown units a → c/);
    expect(() =>
      networkDiagram(spec({ units: [{ id: "a", x: 5, y: 5, above: [{ text: "far too long" }] }], wires: [] })),
    ).toThrow(/does not fit/);
  });
});
