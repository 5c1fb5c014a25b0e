/**
 * "Show as PyTorch": a short, runnable script equivalent to the sandbox's configuration. Pure text from
 * plain settings, so it is unit-tested and shown in a <pre> as plain text. The rules it follows are the
 * lessons' rules: nn.CrossEntropyLoss and nn.BCEWithLogitsLoss take logits, so the model has no softmax or
 * sigmoid before them; MSE pairings end in nn.Sigmoid()/nn.Tanh().
 */
import { dataLines } from "./pytorch-data.ts";
import { MOMENTUM, OUTPUTS, classCount, reconcile, type OutputName, type SandboxSettings } from "./settings.ts";

/** A number as Python source: short, exact enough, never "NaN" (settings are bounded and finite). */
export function py(v: number): string {
  if (Number.isInteger(v)) return `${Object.is(v, -0) ? 0 : v}.0`;
  return String(Number(v.toPrecision(6)));
}

/** The activation module for a hidden layer, e.g. "nn.LeakyReLU(negative_slope=0.1)". */
export function activationModule(act: string, alpha: number): string {
  switch (act) {
    case "step":
      return "Step()";
    case "identity":
      return "nn.Identity()";
    case "sigmoid":
      return "nn.Sigmoid()";
    case "tanh":
      return "nn.Tanh()";
    case "relu":
      return "nn.ReLU()";
    case "leaky-relu":
      return `nn.LeakyReLU(negative_slope=${py(alpha)})`;
    case "elu":
      return `nn.ELU(alpha=${py(alpha)})`;
    case "gelu":
      return "nn.GELU()";
    case "silu":
      return "nn.SiLU()";
    default:
      throw new Error(`no PyTorch module for activation ${JSON.stringify(act)}`);
  }
}

/** The weight initialiser call for `w` (the core's He init uses the ReLU gain √2 whatever the activation). */
export function initCall(kind: string, scale: number): string {
  const s = py(scale);
  switch (kind) {
    case "normal":
      return `nn.init.normal_(layer.weight, mean=0.0, std=${s})`;
    case "uniform":
      return `nn.init.uniform_(layer.weight, -${s}, ${s})`;
    case "xavier-normal":
      return `nn.init.xavier_normal_(layer.weight, gain=${s})`;
    case "xavier-uniform":
      return `nn.init.xavier_uniform_(layer.weight, gain=${s})`;
    case "he-normal":
      return `nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")  # std √(2 / fan_in), the ReLU gain${gain(scale)}`;
    case "he-uniform":
      return `nn.init.kaiming_uniform_(layer.weight, nonlinearity="relu")  # bound √(6 / fan_in), the ReLU gain${gain(scale)}`;
    case "constant":
      return `nn.init.constant_(layer.weight, ${s})`;
    default:
      throw new Error(`no PyTorch initialiser for ${JSON.stringify(kind)}`);
  }
}

/** The extra line that multiplies He weights by the init scale (none for scale 1). */
function gain(scale: number): string {
  return scale === 1 ? "" : `\n        layer.weight.data.mul_(${py(scale)})  # the lab's init scale`;
}

/** The PyTorch script for the settings (after reconcile: more than two classes means softmax + cross-entropy). */
export function pytorchScript(settings: SandboxSettings): string {
  const s = reconcile(settings);
  const out = OUTPUTS[s.out as OutputName];
  const k = classCount(s);
  const outputs = out.binary ? 1 : k;
  const hidden = activationModule(s.act, s.alpha);
  const widths = [2, ...Array.from({ length: s.layers }, () => s.width)];
  const nTest = Math.round(s.points * s.test);
  const L: string[] = [];
  const describe =
    `${s.points} ${s.data} points` +
    (k > 2 ? ` in ${k} classes` : "") +
    `, noise ${py(s.noise)}; ${s.layers} hidden layer${s.layers === 1 ? "" : "s"}` +
    (s.layers > 0 ? ` of ${s.width} ${s.act} units` : "") +
    `; ${out.label}; ${s.opt} at lr ${py(s.lr)}; batch ${s.batch}.`;
  L.push("# The Activation Labs sandbox as a PyTorch script:", `# ${describe}`);
  L.push("import math", "", "import torch", "from torch import nn", "");
  L.push(`torch.manual_seed(${s.seed})  # PyTorch's generator is not the lab's: same recipe, other numbers`, "");
  L.push("# Data: the lab's recipe, drawn with PyTorch's random numbers, so the points differ from the lab's.");
  L.push(`n, noise = ${s.points}, ${py(s.noise)}`);
  L.push(`c = torch.arange(n) % ${k}  # the class of each point`);
  L.push(...dataLines(s.data, k));
  L.push("X = X + noise * torch.randn(n, 2)", "order = torch.randperm(n)");
  L.push(`n_test = ${nTest}  # ${Math.round(s.test * 100)}% held out for testing`);
  L.push("X_test, c_test = X[order[:n_test]], c[order[:n_test]]");
  L.push("X_train, c_train = X[order[n_test:]], c[order[n_test:]]", "");
  if (s.act === "step") {
    L.push(
      "class Step(nn.Module):",
      '    """H(z) = 1 if z > 0 else 0. Its gradient is 0 almost everywhere, as in the lab."""',
      "",
    );
    L.push("    def forward(self, z):", "        return (z > 0).to(z.dtype)", "", "");
  }
  L.push("model = nn.Sequential(");
  for (let l = 0; l < s.layers; l++) L.push(`    nn.Linear(${widths[l]}, ${widths[l + 1]}),`, `    ${hidden},`);
  const last = `    nn.Linear(${widths[s.layers]}, ${outputs}),`;
  switch (s.out as OutputName) {
    case "sigmoid-bce":
    case "sigmoid-bce-logits":
      L.push(`${last}  # logits: no sigmoid layer, BCEWithLogitsLoss applies it`);
      break;
    case "softmax-ce":
      L.push(`${last}  # logits: no softmax layer, CrossEntropyLoss applies log-softmax`);
      break;
    case "sigmoid-mse":
      L.push(last, "    nn.Sigmoid(),");
      break;
    case "tanh-mse":
      L.push(last, "    nn.Tanh(),");
      break;
  }
  L.push(")");
  L.push("for layer in model:", "    if isinstance(layer, nn.Linear):");
  L.push(`        ${initCall(s.init, s.scale)}`, `        nn.init.constant_(layer.bias, ${py(s.bias)})`, "");
  L.push(...lossLines(s.out as OutputName));
  L.push(optimizerLine(s.opt, s.lr), "");
  const batch = s.batch === "full" ? "len(X_train)" : s.batch;
  L.push(
    "data = torch.utils.data.TensorDataset(X_train, target(c_train))",
    `loader = torch.utils.data.DataLoader(data, batch_size=${batch}, shuffle=True)`,
    "step = 0",
    "while step < 2000:  # one step = one minibatch, as in the lab",
    "    for xb, yb in loader:",
    "        optimizer.zero_grad()",
    "        loss = loss_fn(model(xb), yb)",
    "        loss.backward()",
    "        optimizer.step()",
    "        step += 1",
    "        if step % 200 == 0:",
    "            with torch.no_grad():",
    "                train_acc = (predict(model(X_train)) == c_train).float().mean().item()",
  );
  if (nTest > 0) {
    L.push(
      "                test_loss = loss_fn(model(X_test), target(c_test)).item()",
      "                test_acc = (predict(model(X_test)) == c_test).float().mean().item()",
      '            print(f"step {step}: loss {loss.item():.4f}, test loss {test_loss:.4f}, accuracy {train_acc:.2f} / {test_acc:.2f}")',
    );
  } else {
    L.push('            print(f"step {step}: loss {loss.item():.4f}, accuracy {train_acc:.2f}")');
  }
  return `${L.join("\n")}\n`;
}

/** The loss, the targets it expects and how a prediction is read, for each output pairing. */
function lossLines(out: OutputName): string[] {
  switch (out) {
    case "sigmoid-bce":
      return [
        "# The lab applies a sigmoid, then binary cross-entropy on probabilities (nn.BCELoss).",
        "# nn.BCEWithLogitsLoss applies the sigmoid itself: the numerically stable equivalent.",
        "loss_fn = nn.BCEWithLogitsLoss()",
        "target = lambda c: c.float().unsqueeze(1)  # 0 or 1, shape (n, 1)",
        "predict = lambda logits: (logits[:, 0] > 0).long()",
      ];
    case "sigmoid-bce-logits":
      return [
        "# BCEWithLogitsLoss applies the sigmoid itself (stable for large |z|), so the model ends in logits.",
        "loss_fn = nn.BCEWithLogitsLoss()",
        "target = lambda c: c.float().unsqueeze(1)  # 0 or 1, shape (n, 1)",
        "predict = lambda logits: (logits[:, 0] > 0).long()",
      ];
    case "sigmoid-mse":
      return [
        "loss_fn = nn.MSELoss()",
        "target = lambda c: c.float().unsqueeze(1)  # 0 or 1, shape (n, 1)",
        "predict = lambda p: (p[:, 0] > 0.5).long()",
      ];
    case "tanh-mse":
      return [
        "loss_fn = nn.MSELoss()",
        "target = lambda c: 2 * c.float().unsqueeze(1) - 1  # −1 or +1 for tanh, shape (n, 1)",
        "predict = lambda a: (a[:, 0] > 0).long()",
      ];
    case "softmax-ce":
      return [
        "# CrossEntropyLoss takes logits and applies log-softmax itself, so the model has no softmax layer.",
        "loss_fn = nn.CrossEntropyLoss()",
        "target = lambda c: c  # class indices, shape (n,)",
        "predict = lambda logits: logits.argmax(dim=1)",
      ];
  }
}

/** The optimiser line (PyTorch's defaults for Adam's β and ε match the lab's). */
function optimizerLine(opt: string, lr: number): string {
  if (opt === "adam") return `optimizer = torch.optim.Adam(model.parameters(), lr=${py(lr)})`;
  if (opt === "momentum")
    return `optimizer = torch.optim.SGD(model.parameters(), lr=${py(lr)}, momentum=${py(MOMENTUM)})`;
  return `optimizer = torch.optim.SGD(model.parameters(), lr=${py(lr)})`;
}
