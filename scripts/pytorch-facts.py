"""
Facts about PyTorch, computed by PyTorch (CPU): where torch.sigmoid and torch.tanh round to 0 or ±1 and
what autograd gives there, nn.Sigmoid then MSELoss or BCELoss where σ is 1, BCELoss's log clamp,
BCEWithLogitsLoss on extreme logits, CrossEntropyLoss on logits, on probabilities and with soft targets,
nn.Linear's default initialisation, and the forward values of the activations and losses the course's core
also has, in float32 (PyTorch's default) and float64, and three float32 steps of each optimiser. The claim
tests read the JSON this writes (src/core/claims/pytorch-facts.json); CI has no torch.

Run it through `npm run facts:pytorch` (scripts/pytorch-facts.ts), or directly:
    python3 scripts/pytorch-facts.py OUT.json
Every number in the output comes from a torch computation in this file; floats are written as Python
floats of .item(), so a float32 result appears as the exact double of its float32 value.
"""

import json
import math
import platform
import sys

try:
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError:
    sys.stderr.write("torch is not installed for this Python (" + sys.executable + ")\n")
    sys.exit(3)

DTYPES = (("float32", torch.float32), ("float64", torch.float64))
BITS = {torch.float32: torch.int32, torch.float64: torch.int64}
INT_MIN = {torch.float32: -(2**31), torch.float64: -(2**63)}

# Copies of each input in a batch: enough for torch's vectorised CPU loop (the path a training batch
# takes), which can round differently from the scalar loop a one-element tensor takes.
BATCH = 64
# The grid the activations are evaluated on (the float32 rows use these rounded to float32).
GRID = [-100.0, -30.0, -10.0, -5.0, -2.0, -1.0, -0.5, -1e-3, 0.0, 1e-3, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0]


def num(x):
    """A one-element tensor as a Python float (exact: a float32 becomes the double of its value)."""
    return float(x.item())


def value_and_grad(fn, z, dtype):
    """fn(z) and d fn/dz by autograd, at one point, in dtype (a one-element tensor)."""
    x = torch.tensor([z], dtype=dtype, requires_grad=True)
    y = fn(x)
    (g,) = torch.autograd.grad(y.sum(), x)
    return num(y), num(g)


def batched_value_and_grad(fn, zs, dtype):
    """fn and its autograd derivative at each z, each z repeated BATCH times so the vectorised loop runs."""
    x = torch.tensor(zs, dtype=dtype).repeat_interleave(BATCH).requires_grad_(True)
    y = fn(x)
    (g,) = torch.autograd.grad(y.sum(), x)
    ys, gs = y.detach().view(len(zs), BATCH), g.view(len(zs), BATCH)
    for block in (ys, gs):
        if not bool((block == block[:, :1]).all()):
            raise RuntimeError("copies of one input gave different results within a batch")
    return [float(v) for v in ys[:, 0].tolist()], [float(v) for v in gs[:, 0].tolist()]


def key(z, dtype):
    """The float z of dtype as an integer that orders like the floats (adjacent floats differ by 1)."""
    bits = int(torch.tensor([z], dtype=dtype).view(BITS[dtype]).item())
    return bits if bits >= 0 else -(bits - INT_MIN[dtype])


def floats(keys, dtype):
    """The floats of dtype whose keys are the int64 tensor keys."""
    bits = torch.where(keys >= 0, keys, -keys + INT_MIN[dtype])
    return bits.to(BITS[dtype]).view(dtype)


def boundary(pred, lo, hi, dtype):
    """
    Adjacent floats (a, b) of dtype between lo and hi where the elementwise predicate pred flips, found by
    bisection over the floats with one-element tensors, then checked on the 4097 floats around it in one
    batch (the vectorised path): the predicate must flip exactly there and nowhere else in that window.
    """
    klo, khi = key(lo, dtype), key(hi, dtype)
    at_lo = bool(pred(floats(torch.tensor([klo]), dtype))[0])
    if at_lo == bool(pred(floats(torch.tensor([khi]), dtype))[0]):
        raise RuntimeError("the predicate does not flip between lo and hi")
    while khi - klo > 1:
        mid = (klo + khi) // 2
        if bool(pred(floats(torch.tensor([mid]), dtype))[0]) == at_lo:
            klo = mid
        else:
            khi = mid
    window = pred(floats(torch.arange(klo - 2048, klo + 2049), dtype))
    expected = torch.tensor([at_lo] * 2049 + [not at_lo] * 2048)
    if not bool((window == expected).all()):
        raise RuntimeError("the batched evaluation disagrees with the bisection near the boundary")
    a, b = floats(torch.tensor([klo, khi]), dtype).tolist()
    return float(a), float(b)


def point(fn, z, dtype):
    """{z, value, grad} of fn at z in dtype."""
    value, grad = value_and_grad(fn, z, dtype)
    return {"z": z, "value": value, "grad": grad}


def sigmoid_limits(dtype):
    """Where torch.sigmoid becomes exactly 0 (underflow) and exactly 1, with autograd's gradient either side."""
    zero, positive = boundary(lambda x: torch.sigmoid(x) > 0, -1000.0, -1.0, dtype)
    below_one, one = boundary(lambda x: torch.sigmoid(x) == 1, 0.0, 100.0, dtype)
    return {
        "last_positive": point(torch.sigmoid, positive, dtype),
        "first_zero": point(torch.sigmoid, zero, dtype),
        "last_below_one": point(torch.sigmoid, below_one, dtype),
        "first_one": point(torch.sigmoid, one, dtype),
    }


def tanh_limits(dtype):
    """Where torch.tanh becomes exactly −1 and exactly 1, with autograd's gradient either side."""
    minus_one, above_minus_one = boundary(lambda x: torch.tanh(x) == -1, -100.0, 0.0, dtype)
    below_one, one = boundary(lambda x: torch.tanh(x) == 1, 0.0, 100.0, dtype)
    return {
        "last_minus_one": point(torch.tanh, minus_one, dtype),
        "first_above_minus_one": point(torch.tanh, above_minus_one, dtype),
        "last_below_one": point(torch.tanh, below_one, dtype),
        "first_one": point(torch.tanh, one, dtype),
    }


def saturation_gradients():
    """Autograd's d/dz of torch.sigmoid at z = 10, 20, 40 and of torch.tanh at z = 10, 20."""
    out = {}
    for name, fn, zs in (("sigmoid", torch.sigmoid, [10.0, 20.0, 40.0]), ("tanh", torch.tanh, [10.0, 20.0])):
        out[name] = {"z": zs}
        for label, dtype in DTYPES:
            out[name][label] = [value_and_grad(fn, z, dtype)[1] for z in zs]
    return out


def bce_case(p, y, dtype):
    """nn.BCELoss()(p, y) and its gradient with respect to p, for one element."""
    x = torch.tensor([p], dtype=dtype, requires_grad=True)
    loss = nn.BCELoss()(x, torch.tensor([y], dtype=dtype))
    (g,) = torch.autograd.grad(loss, x)
    return {"p": p, "y": y, "loss": num(loss), "grad_p": num(g)}


def bce_loss_facts():
    """nn.BCELoss at p ∈ {0, 1}: the loss shows the clamp on log p and log(1 − p), the gradient the floor under p(1 − p)."""
    out = {}
    for label, dtype in DTYPES:
        cases = [bce_case(p, y, dtype) for p, y in ((0.0, 1.0), (1.0, 0.0), (0.0, 0.0), (1.0, 1.0))]
        out[label] = {"log_clamp": -cases[0]["loss"], "cases": cases}
    return out


def sigmoid_then_bce(z, y, dtype):
    """Loss and dL/dz of nn.Sigmoid followed by nn.BCELoss, and of nn.BCEWithLogitsLoss, at logit z and target y."""
    out = {"z": z, "y": y}
    for name, loss_fn in (
        ("sigmoid_bce", lambda x, t: nn.BCELoss()(torch.sigmoid(x), t)),
        ("bce_with_logits", lambda x, t: nn.BCEWithLogitsLoss()(x, t)),
    ):
        x = torch.tensor([z], dtype=dtype, requires_grad=True)
        loss = loss_fn(x, torch.tensor([y], dtype=dtype))
        (g,) = torch.autograd.grad(loss, x)
        out[name] = {"loss": num(loss), "grad_z": num(g)}
    return out


def chained_grad(x):
    """Elementwise dL/dz of nn.Sigmoid + nn.BCELoss(reduction="sum") at target 1 (sum, so each element is its own example)."""
    x = x.detach().requires_grad_(True)
    loss = nn.BCELoss(reduction="sum")(torch.sigmoid(x), torch.ones_like(x))
    (g,) = torch.autograd.grad(loss, x)
    return g


def sigmoid_bce_facts():
    """nn.Sigmoid + nn.BCELoss against nn.BCEWithLogitsLoss: at z = −200, and where the chained gradient fades."""
    out = {}
    for label, dtype in DTYPES:
        # Below this z the chained gradient has lost more than 1% of its true value, σ(z) − 1.
        fades, _ = boundary(lambda x: chained_grad(x) / (torch.sigmoid(x) - 1) < 0.99, -100.0, -10.0, dtype)
        out[label] = {
            "cases": [sigmoid_then_bce(z, 1.0, dtype) for z in (-200.0, -40.0, -28.0, -27.0, -10.0)],
            "chained_grad_below_99_percent_from_z": fades,
        }
    return out


def sigmoid_flat_top_facts():
    """nn.Sigmoid then nn.MSELoss, and then nn.BCELoss, at z = 20 on a class-0 target: loss and dL/dz by autograd."""
    out = {"z": 20.0, "y": 0.0}
    for label, dtype in DTYPES:
        row = {}
        for name, loss_fn in (("sigmoid_mse", nn.MSELoss()), ("sigmoid_bce", nn.BCELoss())):
            x = torch.tensor([20.0], dtype=dtype, requires_grad=True)
            loss = loss_fn(torch.sigmoid(x), torch.tensor([0.0], dtype=dtype))
            (g,) = torch.autograd.grad(loss, x)
            row[name] = {"loss": num(loss), "grad_z": num(g)}
        out[label] = row
    return out


def bce_with_logits_facts():
    """nn.BCEWithLogitsLoss and its gradient at extreme logits, float32: all finite."""
    out = []
    for z in (-1000.0, -100.0, 100.0, 1000.0):
        for y in (0.0, 1.0):
            x = torch.tensor([z], dtype=torch.float32, requires_grad=True)
            loss = nn.BCEWithLogitsLoss()(x, torch.tensor([y]))
            (g,) = torch.autograd.grad(loss, x)
            out.append({"z": z, "y": y, "loss": num(loss), "grad_z": num(g)})
    return {"float32": out}


def cross_entropy(logits, target, dtype, softmax_first=False):
    """nn.CrossEntropyLoss on one row (target: a class index or a list of probabilities), with dL/dlogits."""
    x = torch.tensor([logits], dtype=dtype, requires_grad=True)
    inputs = torch.softmax(x, dim=1) if softmax_first else x
    t = torch.tensor([target]) if isinstance(target, int) else torch.tensor([target], dtype=dtype)
    loss = nn.CrossEntropyLoss()(inputs, t)
    (g,) = torch.autograd.grad(loss, x)
    return {"loss": num(loss), "grad": [float(v) for v in g[0].tolist()]}


def cross_entropy_facts():
    """nn.CrossEntropyLoss: a worked example on logits, the same logits softmaxed first by mistake, soft targets."""
    logits, soft = [2.0, 1.0, 0.1], [0.7, 0.2, 0.1]
    out = {
        "logits": logits,
        "target": 0,
        "soft_target": soft,
        "soft_targets_note": "Class-probability (soft) targets were added in PyTorch 1.10; a text note, not computed.",
    }
    for label, dtype in DTYPES:
        worked = cross_entropy(logits, 0, dtype)
        worked["softmax"] = [float(v) for v in torch.softmax(torch.tensor(logits, dtype=dtype), 0).tolist()]
        out[label] = {
            "on_logits": worked,
            # nn.Softmax before the loss: the loss softmaxes again; "grad" is still d/d(original logits).
            "softmax_first": cross_entropy(logits, 0, dtype, softmax_first=True),
            "perfect_probabilities": cross_entropy([1.0, 0.0, 0.0], 0, dtype),
            "soft_target": cross_entropy(logits, soft, dtype),
            "equal_large_logits": cross_entropy([1000.0, 1000.0], 0, dtype),
            "log_softmax_then_nll_equals": log_softmax_then_nll_equals(logits, dtype),
        }
    return out


def log_softmax_then_nll_equals(logits, dtype):
    """Whether nn.LogSoftmax followed by nn.NLLLoss gives bit for bit the loss and gradient of nn.CrossEntropyLoss."""
    results = []
    for loss_fn in (nn.CrossEntropyLoss(), lambda x, t: nn.NLLLoss()(nn.LogSoftmax(dim=1)(x), t)):
        x = torch.tensor([logits], dtype=dtype, requires_grad=True)
        loss = loss_fn(x, torch.tensor([0]))
        (g,) = torch.autograd.grad(loss, x)
        results.append((loss.detach(), g))
    (l1, g1), (l2, g2) = results
    return bool(torch.equal(l1, l2) and torch.equal(g1, g2))


def linear_init_facts():
    """nn.Linear's default initialisation, measured on a seeded large layer and compared with kaiming_uniform_(a=√5)."""
    fan_in, fan_out = 1000, 4000
    torch.manual_seed(0)
    layer = nn.Linear(fan_in, fan_out)
    torch.manual_seed(0)
    w = torch.empty(fan_out, fan_in)
    nn.init.kaiming_uniform_(w, a=math.sqrt(5))
    gain = nn.init.calculate_gain("leaky_relu", math.sqrt(5))

    def measured(t):
        t = t.detach().double()
        return {
            "max_abs_times_sqrt_fan_in": num(t.abs().max()) * math.sqrt(fan_in),
            "variance_times_3_fan_in": num(t.var()) * 3 * fan_in,
            "mean_times_sqrt_fan_in": num(t.mean()) * math.sqrt(fan_in),
        }

    return {
        "fan_in": fan_in,
        "fan_out": fan_out,
        "seed": 0,
        "bound_formula": "U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias; weight by kaiming_uniform_(a=sqrt(5))",
        "weight_equals_kaiming_uniform_a_sqrt5": bool(torch.equal(layer.weight.detach(), w)),
        "kaiming_gain_a_sqrt5": gain,
        "bound_times_sqrt_fan_in": gain * math.sqrt(3.0),
        "weight": measured(layer.weight),
        "bias": measured(layer.bias),
    }


def linear_layout_facts():
    """nn.Linear(3, 2): its weight's shape, and whether it computes x·Wᵀ + b (on integers, so the check is exact)."""
    layer = nn.Linear(3, 2)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]]))
        layer.bias.copy_(torch.tensor([7.0, -8.0]))
        x = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.0, 2.0]])
        equal = torch.equal(layer(x), x @ layer.weight.T + layer.bias)
    return {
        "in_features": layer.in_features,
        "out_features": layer.out_features,
        "weight_shape": list(layer.weight.shape),
        "output_equals_x_weight_transposed_plus_bias": bool(equal),
    }


def kaiming_normal_facts():
    """kaiming_normal_(w, nonlinearity="relu") on a seeded out × in matrix: its std against √(2/fan_in) and √(2/fan_out)."""
    fan_in, fan_out = 1000, 4000
    torch.manual_seed(0)
    w = torch.empty(fan_out, fan_in)
    nn.init.kaiming_normal_(w, nonlinearity="relu")
    std = num(w.double().std())
    return {
        "fan_in": fan_in,
        "fan_out": fan_out,
        "seed": 0,
        "std_over_sqrt_2_over_fan_in": std / math.sqrt(2 / fan_in),
        "std_over_sqrt_2_over_fan_out": std / math.sqrt(2 / fan_out),
    }


def module_defaults():
    """Default parameters of the activation modules, read from torch."""
    return {
        "LeakyReLU.negative_slope": nn.LeakyReLU().negative_slope,
        "ELU.alpha": nn.ELU().alpha,
        "PReLU.weight": num(nn.PReLU().weight),
        "GELU.approximate": nn.GELU().approximate,
    }


# The activations torch has that the core has, under the core's names (src/core/names.ts).
ACTIVATIONS = (
    ("sigmoid", None, "torch.sigmoid(z)", torch.sigmoid),
    ("tanh", None, "torch.tanh(z)", torch.tanh),
    ("relu", None, "torch.relu(z)", torch.relu),
    ("leaky-relu", 0.01, "F.leaky_relu(z, negative_slope=0.01)", lambda x: F.leaky_relu(x, 0.01)),
    ("leaky-relu", 0.2, "F.leaky_relu(z, negative_slope=0.2)", lambda x: F.leaky_relu(x, 0.2)),
    ("elu", 1.0, "F.elu(z, alpha=1.0)", lambda x: F.elu(x, alpha=1.0)),
    ("gelu", None, 'F.gelu(z, approximate="none")', lambda x: F.gelu(x, approximate="none")),
    ("silu", None, "F.silu(z)", F.silu),
)


def activation_facts():
    """f and autograd f′ of each activation on GRID, batched; and where a one-element tensor gives other numbers."""
    grid = {label: [float(v) for v in torch.tensor(GRID, dtype=dtype).tolist()] for label, dtype in DTYPES}
    functions = []
    for name, alpha, call, fn in ACTIVATIONS:
        entry = {"name": name, "alpha": alpha, "torch": call}
        for label, dtype in DTYPES:
            f, df = batched_value_and_grad(fn, grid[label], dtype)
            one_element = []
            for i, z in enumerate(grid[label]):
                value, grad = value_and_grad(fn, z, dtype)
                if (value, grad) != (f[i], df[i]) or math.copysign(1, value) != math.copysign(1, f[i]):
                    one_element.append({"z": z, "f": value, "df": grad})
            entry[label] = {"f": f, "df": df, "one_element_differs": one_element}
        functions.append(entry)
    return {"z": grid, "batch": BATCH, "functions": functions}


# Small fixed inputs for the losses (reduction "mean"), as n × m row-major lists; the float32 rows use
# them rounded to float32. Cross-entropy with "indices" gets the argmax of each one-hot target row.
LOSS_INPUTS = (
    ("mse", "nn.MSELoss()", "values", 3, 2, [0.5, -1.25, 2.0, 0.3, 0.0, 1.5], [0.0, -1.0, 1.5, 0.7, 0.25, 1.5]),
    ("bce", "nn.BCELoss()", "values", 6, 1, [0.9, 0.2, 0.6, 0.001, 0.0, 1.0], [1.0, 0.0, 0.0, 1.0, 1.0, 1.0]),
    (
        "bce-logits",
        "nn.BCEWithLogitsLoss()",
        "values",
        6,
        1,
        [2.0, -1.0, 0.5, -30.0, 100.0, -100.0],
        [1.0, 0.0, 0.3, 1.0, 1.0, 0.0],
    ),
    ("cross-entropy", "nn.CrossEntropyLoss()", "indices", 2, 3, [2.0, 1.0, 0.1, 0.5, 2.5, -1.0], [1, 0, 0, 0, 0, 1]),
    (
        "cross-entropy",
        "nn.CrossEntropyLoss()",
        "probabilities",
        2,
        3,
        [2.0, 1.0, 0.1, 0.5, 2.5, -1.0],
        [0.7, 0.2, 0.1, 0.0, 0.5, 0.5],
    ),
)

LOSS_MODULES = {
    "mse": nn.MSELoss,
    "bce": nn.BCELoss,
    "bce-logits": nn.BCEWithLogitsLoss,
    "cross-entropy": nn.CrossEntropyLoss,
}


def loss_facts():
    """Each loss's mean value on its fixed inputs, in float32 and float64."""
    out = []
    for name, call, target_kind, n, m, inputs, targets in LOSS_INPUTS:
        entry = {"name": name, "torch": call, "target_kind": target_kind, "n": n, "m": m}
        entry["input"], entry["target"] = inputs, [float(v) for v in targets]
        for label, dtype in DTYPES:
            x = torch.tensor(inputs, dtype=dtype).view(n, m)
            y = torch.tensor(targets, dtype=dtype).view(n, m)
            if target_kind == "indices":
                y = y.argmax(dim=1)
            entry[label] = num(LOSS_MODULES[name]()(x, y))
        out.append(entry)
    return out


# One float32 parameter vector and three gradients in a row, through each optimiser's step as torch.optim takes it
# on the CPU (its single-tensor implementation), so the core's float32 optimisers can be checked step by step.
OPT_THETA = [0.5, -1.25, 3.0, 1e-3, -2e-5, 40.0, -0.3, 7.5]
OPT_GRADS = [
    [0.1, -0.3, 2.5, -1e-4, 7.0, 0.02, 1e-6, -3.0],
    [-0.2, 0.05, 1.5, 3e-4, -6.0, -0.07, 2e-6, 4.0],
    [0.3, 0.0, -0.75, 2e-4, 5.0, 0.11, -5e-7, -0.5],
]
OPTIMIZERS = (
    ("sgd", {"lr": 0.1, "weightDecay": 0.01}, lambda p: torch.optim.SGD([p], lr=0.1, weight_decay=0.01)),
    (
        "momentum",
        {"lr": 0.1, "momentum": 0.9, "weightDecay": 0.01},
        lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9, weight_decay=0.01),
    ),
    (
        "adam",
        {"lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weightDecay": 0.01},
        lambda p: torch.optim.Adam([p], lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01),
    ),
)


def optimizer_facts():
    """θ after each of three steps of each optimiser, in float32 (under the core's optimiser names and fields)."""
    theta = [float(v) for v in torch.tensor(OPT_THETA, dtype=torch.float32).tolist()]
    grads = [[float(v) for v in torch.tensor(g, dtype=torch.float32).tolist()] for g in OPT_GRADS]
    cases = []
    for kind, config, make in OPTIMIZERS:
        p = torch.tensor(theta, dtype=torch.float32, requires_grad=True)
        opt = make(p)
        steps = []
        for g in grads:
            p.grad = torch.tensor(g, dtype=torch.float32)
            opt.step()
            steps.append([float(v) for v in p.detach().tolist()])
        cases.append({"kind": kind, "config": config, "torch": type(opt).__name__, "float32": steps})
    return {"theta": theta, "grads": grads, "cases": cases}


def facts():
    """All the facts, in a fixed key order."""
    torch.set_num_threads(1)
    return {
        "about": "Computed by scripts/pytorch-facts.py with real torch on the CPU; regenerate with "
        "`npm run facts:pytorch -- --write`. float32 is PyTorch's default dtype.",
        "torch_version": torch.__version__,
        "python_version": platform.python_version(),
        "cpu_capability": torch.backends.cpu.get_cpu_capability(),
        "sigmoid": {label: sigmoid_limits(dtype) for label, dtype in DTYPES},
        "tanh": {label: tanh_limits(dtype) for label, dtype in DTYPES},
        "saturation_gradients": saturation_gradients(),
        "bce_loss": bce_loss_facts(),
        "sigmoid_bce": sigmoid_bce_facts(),
        "sigmoid_flat_top": sigmoid_flat_top_facts(),
        "bce_with_logits": bce_with_logits_facts(),
        "cross_entropy": cross_entropy_facts(),
        "linear_init": linear_init_facts(),
        "linear_layout": linear_layout_facts(),
        "kaiming_normal_relu": kaiming_normal_facts(),
        "module_defaults": module_defaults(),
        "activations": activation_facts(),
        "losses": loss_facts(),
        "optimizers": optimizer_facts(),
    }


def main(argv):
    """Writes the facts as JSON to argv[1] ("-" for stdout)."""
    if len(argv) != 2:
        sys.stderr.write("usage: pytorch-facts.py OUT.json\n")
        return 2
    text = json.dumps(facts(), indent=2, allow_nan=False, ensure_ascii=False) + "\n"
    if argv[1] == "-":
        sys.stdout.write(text)
    else:
        with open(argv[1], "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
