/** Where the line w₁x + w₂y + b = 0 crosses a box: its two end points on the box's edges, or null if it misses. */
export function lineInBox(
  line: { w: readonly [number, number]; b: number },
  xRange: readonly [number, number],
  yRange: readonly [number, number],
): [[number, number], [number, number]] | null {
  const [w1, w2] = line.w;
  const { b } = line;
  const [x0, x1] = xRange;
  const [y0, y1] = yRange;
  const hits: [number, number][] = [];
  const add = (x: number, y: number) => {
    const inside = x >= x0 - 1e-12 && x <= x1 + 1e-12 && y >= y0 - 1e-12 && y <= y1 + 1e-12;
    if (inside && Number.isFinite(x) && Number.isFinite(y) && !hits.some(([hx, hy]) => hx === x && hy === y))
      hits.push([x, y]);
  };
  // Crossings with the left and right edges (x fixed), then the bottom and top (y fixed).
  if (w2 !== 0) for (const x of [x0, x1]) add(x, -(w1 * x + b) / w2);
  if (w1 !== 0) for (const y of [y0, y1]) add(-(w2 * y + b) / w1, y);
  return hits.length >= 2 ? [hits[0]!, hits[1]!] : null;
}
