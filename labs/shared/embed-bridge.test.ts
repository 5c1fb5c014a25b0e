import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LAB_IDS } from "../catalog.ts";
import { DyingReluLab } from "../dying-relu/dying-relu.svelte.ts";
import {
  commandMessage,
  EMBED_COMMANDS,
  readCommand,
  readyMessage,
  sizeMessage,
  stateMessage,
} from "./embed-bridge.ts";
import { labState, type LabState } from "./lab-state.ts";
import { runStatic, unflatten } from "./static-run.ts";

const SCHEMA = JSON.parse(readFileSync(new URL("../../docs/embed-messages.schema.json", import.meta.url), "utf8"));
/** The schema of one kind of message ("command", "fromEmbed", …), as the docs give it to host authors. */
const schemaOf = (def: string) => z.fromJSONSchema({ ...SCHEMA, oneOf: undefined, $ref: `#/$defs/${def}` });

const GOOD = { namespace: "activation-labs", version: 1, type: "play" };

/** Messages a host page may receive from anywhere, or send by mistake: none is a command. */
const JUNK: unknown[] = [
  null,
  undefined,
  "play",
  JSON.stringify(GOOD),
  42,
  true,
  [GOOD],
  ["activation-labs", 1, "play"],
  {},
  { type: "play" },
  { namespace: "activation-labs", type: "play" },
  { ...GOOD, namespace: "Activation-Labs" },
  { ...GOOD, namespace: "other-site" },
  { ...GOOD, version: 2 },
  { ...GOOD, version: "1" },
  { ...GOOD, version: 1.0000001 },
  { ...GOOD, type: "Play" },
  { ...GOOD, type: "step" },
  { ...GOOD, type: "eval" },
  { ...GOOD, type: ["play"] },
  { ...GOOD, type: { toString: () => "play" } },
  { ...GOOD, extra: 1 },
  { ...GOOD, lab: "dying-relu" },
  JSON.parse('{"namespace":"activation-labs","version":1,"type":"play","__proto__":{"polluted":true}}'),
  Object.assign(Object.create({ inherited: true }), GOOD),
  new (class Command {
    namespace = "activation-labs";
    version = 1;
    type = "play";
  })(),
  new Map(Object.entries(GOOD)),
  Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
  Object.defineProperty({ namespace: "activation-labs", version: 1 }, "type", {
    enumerable: true,
    get() {
      throw new Error("a getter that throws");
    },
  }),
];

describe("the embed bridge's command reader", () => {
  it("reads each command, given exactly as the docs say", () => {
    for (const type of EMBED_COMMANDS) {
      expect(readCommand({ namespace: "activation-labs", version: 1, type })).toBe(type);
      expect(readCommand(commandMessage(type))).toBe(type);
    }
  });

  it("ignores everything else without throwing: other sites' messages, strings, other versions, extra fields", () => {
    JUNK.forEach((junk, i) => expect(readCommand(junk), `JUNK[${i}]`).toBeNull());
  });

  it("agrees with the JSON Schema in docs/ on what is a command", () => {
    const command = schemaOf("command");
    for (const type of EMBED_COMMANDS) expect(command.safeParse(commandMessage(type)).success).toBe(true);
    // Plain JSON values only: the schema describes data, the reader also turns away what JSON cannot hold.
    const jsonJunk = JUNK.filter((j) => {
      try {
        return JSON.stringify(j) !== undefined && JSON.parse(JSON.stringify(j)) !== null && typeof j === "object";
      } catch {
        return false;
      }
    });
    for (const junk of jsonJunk) {
      const plain = JSON.parse(JSON.stringify(junk)) as unknown;
      expect(command.safeParse(plain).success, JSON.stringify(plain)).toBe(readCommand(plain) !== null);
    }
  });
});

describe("the embed bridge's messages", () => {
  const snapshot = unflatten(runStatic(new DyingReluLab({}, { address: null }).firstRun.spec, 20));
  const live = labState("dying-relu", "running", snapshot, 0);

  it("validate against the JSON Schema in docs/: ready, size and state", () => {
    const fromEmbed = schemaOf("fromEmbed");
    for (const message of [
      readyMessage("dying-relu", true),
      readyMessage("activation-explorer", false),
      sizeMessage("sandbox", 799.2, 1874.01),
      stateMessage(live),
    ]) {
      const result = fromEmbed.safeParse(message);
      expect(result.success, `${JSON.stringify(message)}: ${result.error?.message}`).toBe(true);
    }
  });

  it("carry the lab's step, loss and accuracies beside the classroom's whole summary", () => {
    const message = stateMessage(live);
    expect(message).toMatchObject({
      type: "state",
      lab: "dying-relu",
      status: "running",
      step: 20,
      loss: snapshot.trainLoss,
      trainAccuracy: snapshot.trainAccuracy,
      testAccuracy: snapshot.testAccuracy,
    });
    expect(message.summary).toEqual(live);
    expect(Object.keys(SCHEMA.$defs.summary.properties).sort()).toEqual(Object.keys(live).sort());
  });

  it("send a diverged run's NaN and Infinity as null, which JSON can carry", () => {
    const diverged: LabState = { ...live, status: "diverged", trainLoss: Number.NaN, firstGradient: Infinity };
    const message = stateMessage(diverged);
    expect(message.loss).toBeNull();
    expect(message.summary.trainLoss).toBeNull();
    expect(message.summary.firstGradient).toBeNull();
    expect(JSON.parse(JSON.stringify(message))).toEqual(message);
    expect(schemaOf("state").safeParse(message).success).toBe(true);
  });

  it("round sizes up to whole pixels, and never send a negative or NaN size", () => {
    expect(sizeMessage("sandbox", 359.01, 1200.5)).toMatchObject({ width: 360, height: 1201 });
    expect(sizeMessage("sandbox", Number.NaN, -5)).toMatchObject({ width: 0, height: 0 });
  });

  it("list the training labs' commands, none for the explorer", () => {
    expect(readyMessage("sandbox", true).commands).toEqual(["reset", "play", "pause"]);
    expect(readyMessage("activation-explorer", false).commands).toEqual([]);
  });

  it("name the catalog's labs in the schema", () => {
    expect(SCHEMA.$defs.lab.enum).toEqual(LAB_IDS);
  });
});
