/**
 * The runs `npm run test:pytorch` exports and checks in real PyTorch: every training lab's default preset, and
 * presets that use what a run can hold (learning-rate changes, a shock, an activation swap, Adam, momentum,
 * minibatches, softmax, three runs side by side). Each run is built by the lab's own spec function from the
 * preset's settings, as the lab's controller builds it (a unit test checks the two agree).
 */
import { binarySpec, DEFAULTS as OL_DEFAULTS, multiclassSpec, PAIRING_IDS } from "../labs/output-loss/settings.ts";
import { PRESETS as OL_PRESETS } from "../labs/output-loss/presets.ts";
import { DR_DEFAULTS, DR_WARMUP, drSpec } from "../labs/dying-relu/settings.ts";
import { PRESETS as DR_PRESETS } from "../labs/dying-relu/presets.ts";
import { SB_DEFAULTS, SB_WARMUP, sandboxSpec, type SandboxSettings } from "../labs/sandbox/settings.ts";
import { PRESETS as SB_PRESETS } from "../labs/sandbox/presets.ts";
import { STEP_DEFAULTS, STEP_WARMUP, stepSpec } from "../labs/step-function/settings.ts";
import { PRESETS as SF_PRESETS } from "../labs/step-function/presets.ts";
import { sessionSpec, VG_DEFAULTS, WARMUP_STEPS as VG_WARMUP } from "../labs/vanishing-gradients/settings.ts";
import { PRESETS as VG_PRESETS } from "../labs/vanishing-gradients/presets.ts";
import { LAB_CATALOG } from "../labs/catalog.ts";
import type { RunChange, RunRecord } from "../src/worker/run-record.ts";

/** One export: a lab's runs (several for output-loss's binary mode), each a record to replay. */
export interface ExportCase {
  /** File name and label, e.g. "dying-relu-shock". */
  name: string;
  /** The lab's title, as the export names it. */
  title: string;
  /** What the case exercises, printed beside its result. */
  what: string;
  records: RunRecord[];
}

function record(spec: RunRecord["spec"], step: number, changes: RunChange[] = []): RunRecord {
  return { spec, step, changes };
}

const sandbox = (settings: Partial<SandboxSettings>) => sandboxSpec({ ...SB_DEFAULTS, ...settings });

/** A spec with weight decay, which the core's optimisers have and no lab offers yet. */
function withWeightDecay(spec: RunRecord["spec"], weightDecay: number): RunRecord["spec"] {
  return { ...spec, config: { ...spec.config, optimizer: { ...spec.config.optimizer, weightDecay } } };
}

/** The cases, in catalog order. */
export function exportCases(): ExportCase[] {
  const title = (id: keyof typeof LAB_CATALOG) => LAB_CATALOG[id].title;
  const binary = { ...OL_DEFAULTS, ...OL_PRESETS["confidently-wrong"].settings };
  const multiclass = { ...OL_DEFAULTS, ...OL_PRESETS["softmax-three-classes"].settings };
  return [
    {
      name: "step-function-default",
      title: title("step-function"),
      what: "default preset (stuck-step): the step unit and the perceptron rule",
      records: [record(stepSpec({ ...STEP_DEFAULTS, ...SF_PRESETS["stuck-step"].settings }), STEP_WARMUP)],
    },
    {
      name: "vanishing-gradients-default",
      title: title("vanishing-gradients"),
      what: "default settings: ten sigmoid layers, minibatches of 32",
      records: [record(sessionSpec(VG_DEFAULTS), VG_WARMUP + 275)],
    },
    {
      name: "vanishing-gradients-relu-he",
      title: title("vanishing-gradients"),
      what: "relu-he preset, with two learning-rate changes",
      records: [
        record(sessionSpec({ ...VG_DEFAULTS, ...VG_PRESETS["relu-he"].settings }), 600, [
          { step: 200, type: "lr", lr: 0.03 },
          { step: 400, type: "lr", lr: 0.3 },
        ]),
      ],
    },
    {
      name: "dying-relu-default",
      title: title("dying-relu"),
      what: "default preset (shock) after its warm-up",
      records: [record(drSpec({ ...DR_DEFAULTS, ...DR_PRESETS.shock.settings }), DR_WARMUP)],
    },
    {
      name: "dying-relu-shock-swap",
      title: title("dying-relu"),
      what: "shock preset: a rate change, a shock, then ReLU → Leaky ReLU in place",
      records: [
        record(drSpec({ ...DR_DEFAULTS, ...DR_PRESETS.shock.settings }), 400, [
          { step: 100, type: "lr", lr: 0.3 },
          { step: 150, type: "shock", lr: 50 },
          { step: 250, type: "activation", hidden: "leaky-relu", alpha: 0.2 },
        ]),
      ],
    },
    {
      name: "output-loss-default",
      title: title("output-loss"),
      what: "default preset (confidently-wrong): three pairings side by side, one rate change",
      records: PAIRING_IDS.map((id) => record(binarySpec(id, binary), 400, [{ step: 200, type: "lr", lr: 1 }])),
    },
    {
      name: "output-loss-softmax",
      title: title("output-loss"),
      what: "softmax-three-classes preset: softmax + cross-entropy",
      records: [record(multiclassSpec(multiclass), 500)],
    },
    {
      name: "sandbox-default",
      title: title("sandbox"),
      what: "default settings: ReLU on moons, Adam, sigmoid + BCE",
      records: [record(sandbox({}), SB_WARMUP)],
    },
    {
      name: "sandbox-spirals-relu",
      title: title("sandbox"),
      what: "spirals-relu preset: softmax + cross-entropy, Adam, a rate change",
      records: [record(sandbox(SB_PRESETS["spirals-relu"].settings), 800, [{ step: 400, type: "lr", lr: 0.003 }])],
    },
    {
      name: "sandbox-momentum-minibatch",
      title: title("sandbox"),
      what: "tanh + MSE with SGD momentum in minibatches of 16, GELU hidden units",
      records: [
        record(
          sandbox({ data: "xor", act: "gelu", out: "tanh-mse", opt: "momentum", lr: 0.05, batch: "16", test: 0.2 }),
          600,
        ),
      ],
    },
    {
      name: "sandbox-logits-elu",
      title: title("sandbox"),
      what: "BCE with logits, ELU (α = 0.5), Adam in minibatches of 32, a rate change",
      records: [
        record(sandbox({ data: "circles", act: "elu", alpha: 0.5, out: "sigmoid-bce-logits", batch: "32" }), 500, [
          { step: 250, type: "lr", lr: 0.03 },
        ]),
      ],
    },
    {
      name: "sandbox-weight-decay",
      title: title("sandbox"),
      what: "weight decay (no lab offers it yet): Adam, and SGD with momentum in minibatches",
      records: [
        record(withWeightDecay(sandbox({ data: "moons" }), 0.01), 300),
        record(withWeightDecay(sandbox({ data: "circles", opt: "momentum", lr: 0.02, batch: "32" }), 0.001), 300),
      ],
    },
  ];
}
