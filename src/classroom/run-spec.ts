/**
 * A kept run's spec, rebuilt from its settings by the lab's own schema, cross-setting rules and spec function (the
 * same ones its controller uses), never taken from a file: a setting the schema would correct refuses the run.
 * Plain modules only (no lab interface), so the replay worker can use it.
 */
import type { SettingNotice } from "../settings/read-setting.ts";
import { defaultsOf, readValues, type UrlSchema } from "../settings/url-state.ts";
import type { SessionSpec } from "../worker/protocol.ts";
import { drSpec, SCHEMA as DYING_RELU } from "../../labs/dying-relu/settings.ts";
import { reconcile, sandboxSpec, SCHEMA as SANDBOX } from "../../labs/sandbox/settings.ts";
import { SCHEMA as STEP_FUNCTION, stepSpec } from "../../labs/step-function/settings.ts";
import { sessionSpec, SCHEMA as VANISHING } from "../../labs/vanishing-gradients/settings.ts";

type Values = Record<string, unknown>;

/** A lab that trains one run from its settings: its schema, its rules across settings, and its run's spec. */
interface RunLab {
  schema: UrlSchema;
  consistent(values: Values, notices: SettingNotice[]): Values;
  spec(values: Values): SessionSpec;
}

const same = (values: Values) => values;
const LABS: Record<string, RunLab> = {
  "dying-relu": { schema: DYING_RELU, consistent: same, spec: (v) => drSpec(v as never) },
  "vanishing-gradients": { schema: VANISHING, consistent: same, spec: (v) => sessionSpec(v as never) },
  "step-function": { schema: STEP_FUNCTION, consistent: same, spec: (v) => stepSpec(v as never) },
  sandbox: {
    schema: SANDBOX,
    consistent: (v, notices) => reconcile(v as never, notices),
    spec: (v) => sandboxSpec(v as never),
  },
};

/** The spec a lab makes of a kept run's settings, or why it would not make one. Never throws. */
export function runSpec(lab: string, settings: Readonly<Values>): SessionSpec | string {
  const found = Object.hasOwn(LABS, lab) ? LABS[lab] : undefined;
  if (!found) return "this lab's runs are not replayed";
  try {
    const notices: SettingNotice[] = [];
    const values = found.consistent(
      readValues(found.schema, { ...settings }, defaultsOf(found.schema), notices),
      notices,
    );
    if (notices.length > 0) return `its settings are not the lab's: ${notices[0]!.message}`;
    return found.spec(values);
  } catch (error) {
    return `its run could not be built (${error instanceof Error ? error.message : String(error)})`;
  }
}
