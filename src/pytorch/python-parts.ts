/**
 * The fixed parts of an exported script, as Python source: the training loop that does what the lab's session
 * does, the check, and the pieces only some runs need (the step function, the lab's random numbers for
 * minibatches and the perceptron's order, the perceptron rule). python-script.ts picks the ones a run needs.
 */

/** Imports and the precision (the lab computes in float64). `math`: the lab's random numbers need math.floor. */
export function importsCode(math: boolean): string {
  return [
    ...(math ? ["import math", ""] : []),
    "import matplotlib.pyplot as plt",
    "import torch",
    "from torch import nn",
    "",
    "torch.set_default_dtype(torch.float64)  # the lab computes in float64",
  ].join("\n");
}

/** The step function with the lab's derivative (0 everywhere), which autograd does not have. */
export const STEP_CODE = `class StepFunction(torch.autograd.Function):
    """H(z) = 1 if z > 0 else 0, with the lab's derivative: 0 everywhere. Autograd has no derivative for a step
    (torch.heaviside), so it is written by hand; the true one is 0 off the origin and a Dirac δ at it."""

    @staticmethod
    def forward(ctx, z):
        return (z > 0).to(z.dtype)

    @staticmethod
    def backward(ctx, grad):
        return torch.zeros_like(grad)


class Step(nn.Module):
    """The step function as a layer."""

    def forward(self, z):
        return StepFunction.apply(z)`;

/** The lab's seeded generator (src/core/data/rng.ts), ported bit for bit. */
export const LAB_RANDOM_CODE = `class LabRandom:
    """The lab's seeded random numbers (sfc32, seeded through splitmix32), ported bit for bit, so that examples
    come in the lab's order."""

    def __init__(self, seed):
        words, s = [], seed & 0xFFFFFFFF
        for _ in range(4):
            s = (s + 0x9E3779B9) & 0xFFFFFFFF
            t = s ^ (s >> 16)
            t = (t * 0x21F0AAAD) & 0xFFFFFFFF
            t ^= t >> 15
            t = (t * 0x735A2D97) & 0xFFFFFFFF
            words.append(t ^ (t >> 15))
        self.a, self.b, self.c, self.d = words
        for _ in range(12):
            self.u32()

    def u32(self):
        t = (self.a + self.b + self.d) & 0xFFFFFFFF
        self.d = (self.d + 1) & 0xFFFFFFFF
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & 0xFFFFFFFF
        self.c = (((self.c << 21) | (self.c >> 11)) + t) & 0xFFFFFFFF
        return t

    def uniform(self):
        """Uniform in [0, 1), with 53 random bits."""
        hi = self.u32() >> 5
        lo = self.u32() >> 6
        return (hi * 67108864 + lo) / 9007199254740992

    def shuffle(self, order):
        """Fisher–Yates, in place, as the lab shuffles."""
        for i in range(len(order) - 1, 0, -1):
            j = math.floor(self.uniform() * (i + 1))
            order[i], order[j] = order[j], order[i]`;

/** The lab's minibatch order (src/core/training/batches.ts). */
export const MINIBATCH_CODE = `def minibatches(n, size, seed):
    """The lab's minibatches: each epoch, a seeded shuffle of the training points (continuing from the last
    epoch's order) cut into batches of \`size\`; the last batch of an epoch may be shorter."""
    rng, order = LabRandom(seed), list(range(n))
    while True:
        rng.shuffle(order)
        for start in range(0, n, size):
            yield torch.tensor(order[start : start + size])`;

/** The training loop, with the lab's measurements and the reader's changes. */
export const TRAIN_CODE = `def train(model, loss_value, loss_to_backprop, optimizer, x, y, steps, changes, batches=None):
    """Trains as the lab did and returns the training loss the lab showed at each step, 0 … steps.

    The lab measures each step's loss on every training point, at the weights the step starts from: the loss
    it shows at step k is that of the weights after k − 1 updates (at step 0, of the starting weights). After
    an activation swap or a shock it measures the weights again."""

    def measure():
        with torch.no_grad():
            return loss_value(model(x), y).item()

    def set_rate(lr):
        for group in optimizer.param_groups:
            group["lr"] = lr

    shown = [measure()]
    for step in range(steps + 1):
        shock = None
        for kind, value in changes.get(step, []):
            if kind == "lr":
                set_rate(value)
            elif kind == "activation":  # every hidden activation, swapped in place: the weights stay
                for i in range(1, len(model) - 1, 2):
                    model[i] = value
                shown[step] = measure()
            else:
                shock = value
        if step == steps:
            return shown
        rate = optimizer.param_groups[0]["lr"]
        if shock is not None:  # one step at the shock's learning rate, then the rate before it
            set_rate(shock)
        rows = next(batches) if batches else slice(None)
        shown.append(measure())
        optimizer.zero_grad()
        loss_to_backprop(model(x[rows]), y[rows]).backward()
        optimizer.step()
        if shock is not None:
            set_rate(rate)
            shown[step + 1] = measure()`;

/** Copies the lab's starting weights into the model. */
export const LOAD_CODE = `def load(model, weights):
    """Copies starting weights into the model's Linear layers. The lab keeps each W as inputs × outputs, row
    by row (z = a·W + b); nn.Linear keeps outputs × inputs, hence the transpose."""
    layers = [m for m in model if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for layer, (W, b) in zip(layers, weights):
            layer.weight.copy_(torch.tensor(W).reshape(layer.in_features, layer.out_features).T)
            layer.bias.copy_(torch.tensor(b))`;

/** The perceptron rule beside the step unit (src/core/training/perceptron.ts), by hand. */
export const PERCEPTRON_CODE = `def perceptron(w, b, lr, steps, seed, x, c):
    """Rosenblatt's rule on the same points from the same start, one example per step in the lab's seeded order:
    w += lr·(y − ŷ)·x and b += lr·(y − ŷ), where ŷ = 1 if w·x + b > 0 else 0. It is not a gradient step (the
    rule needs no derivative), so it is written by hand, in Python floats (float64, as the lab). Returns its
    training accuracy at each step, 0 … steps."""
    points, labels = x.tolist(), c.tolist()
    (w0, w1), n = w, len(points)

    def accuracy():
        return sum((w0 * p + w1 * q + b > 0) == (k == 1) for (p, q), k in zip(points, labels)) / n

    rng, order, cursor = LabRandom(seed), list(range(n)), n
    shown = [accuracy()]
    for _ in range(steps):
        if cursor == n:
            rng.shuffle(order)
            cursor = 0
        (p, q), k = points[order[cursor]], labels[order[cursor]]
        cursor += 1
        error = k - (1 if w0 * p + w1 * q + b > 0 else 0)
        if error != 0:
            w0 += lr * error * p
            w1 += lr * error * q
            b += lr * error
        shown.append(accuracy())
    return shown`;

/** The check against the lab's numbers. */
export const CHECK_CODE = `def check(name, shown, lab):
    """Asserts that the run shows what the lab showed at each step of \`lab\`: relative difference at most 1e-9."""
    worst = 0.0
    for step, expected in lab.items():
        got = shown[step]
        difference = abs(got - expected) / abs(expected) if expected != 0 else abs(got)
        print(f"{name}, step {step}: lab {expected!r}, PyTorch {got!r}, relative difference {difference:.1e}")
        worst = max(worst, difference)
    assert worst <= 1e-9, f"{name}: the run differs from the lab's (relative difference {worst:.1e})"
    steps = ", ".join(str(step) for step in lab)
    print(f"{name}: agrees with the lab at steps {steps} (largest relative difference {worst:.1e})")`;
