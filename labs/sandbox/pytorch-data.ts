/**
 * The sandbox's datasets as PyTorch code: the core's generators (src/core/data/datasets.ts) written with torch
 * operations. The recipe is the same; the random numbers are PyTorch's, so the points differ from the lab's.
 */

/** Lines that draw the lab's dataset recipe with PyTorch's RNG into X (n×2) and c (class of each point). */
export function dataLines(kind: string, k: number): string[] {
  switch (kind) {
    case "xor":
      return [
        "sx = 2.0 * torch.randint(0, 2, (n,)) - 1  # −1 or +1: the quadrant's x side",
        "X = torch.stack([sx * (0.1 + 0.9 * torch.rand(n)), torch.where(c == 0, sx, -sx) * (0.1 + 0.9 * torch.rand(n))], dim=1)",
      ];
    case "circles":
      return [
        "r = torch.where(c == 0, 0.5 * torch.rand(n).sqrt(), 0.7 + 0.3 * torch.rand(n))",
        "t = 2 * math.pi * torch.rand(n)",
        "X = torch.stack([r * torch.cos(t), r * torch.sin(t)], dim=1)",
      ];
    case "moons":
      return [
        "t = math.pi * torch.rand(n)",
        "x = torch.where(c == 0, torch.cos(t), 1 - torch.cos(t))",
        "y = torch.where(c == 0, torch.sin(t), 0.5 - torch.sin(t))",
        "X = torch.stack([(x - 0.5) / 1.5, (y - 0.25) / 1.5], dim=1)",
      ];
    case "blobs":
      return [
        `t = 2 * math.pi * c / ${k} + math.pi / 4`,
        "X = 0.6 * torch.stack([torch.cos(t), torch.sin(t)], dim=1) + 0.12 * torch.randn(n, 2)",
      ];
    case "spirals":
      return [
        "s = torch.rand(n)",
        `r, t = 0.05 + 0.9 * s, 2 * math.pi * c / ${k} + 2.5 * math.pi * s`,
        "X = torch.stack([r * torch.cos(t), r * torch.sin(t)], dim=1)",
      ];
    case "linear":
      return [
        "X = torch.empty(n, 2)",
        "for i in range(n):  # uniform in the square, 0.1 away from the line x + 0.5y = 0 on its class's side",
        "    while True:",
        "        p = 2 * torch.rand(2) - 1",
        "        side = (p[0] + 0.5 * p[1]) / math.hypot(1, 0.5)",
        "        if (side if c[i] == 1 else -side) > 0.1:",
        "            X[i] = p",
        "            break",
      ];
    default:
      throw new Error(`no recipe for dataset ${JSON.stringify(kind)}`);
  }
}
