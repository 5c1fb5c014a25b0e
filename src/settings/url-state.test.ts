import { describe, expect, it } from "vitest";
import { defaultsOf, readControls, readUrl, writeControls, writeUrl, type UrlSchema } from "./url-state.ts";

const schema = {
  depth: { kind: "number", label: "depth", min: 1, max: 20, fallback: 4, integer: true },
  lr: { kind: "number", label: "learning rate", min: 1e-5, max: 10, fallback: 0.1 },
  hidden: { kind: "choice", label: "activation", choices: ["sigmoid", "tanh", "relu"], fallback: "sigmoid" },
  leaky: { kind: "boolean", label: "leaky", fallback: false },
} as const satisfies UrlSchema;
const base = defaultsOf(schema);

describe("readUrl", () => {
  it("reads good values under the lab's prefix and ignores other labs' parameters", () => {
    const { values, notices, present } = readUrl(
      schema,
      "?vg.depth=10&vg.hidden=relu&dr.depth=3&vg.leaky=1",
      "vg",
      base,
    );
    expect(values).toEqual({ depth: 10, lr: 0.1, hidden: "relu", leaky: true });
    expect(notices).toEqual([]);
    expect(present).toBe(true);
  });

  it("clamps absurd numbers and rounds integers", () => {
    const { values, notices } = readUrl(schema, "?vg.depth=1e309&vg.lr=-4&vg.depth2=1", "vg", base);
    expect(values.depth).toBe(4); // 1e309 is Infinity: not usable, so the default
    expect(values.lr).toBe(1e-5);
    expect(notices.map((n) => n.setting).sort()).toEqual(["depth", "depth2", "learning rate"]);
    expect(readUrl(schema, "?vg.depth=999", "vg", base).values.depth).toBe(20);
    expect(readUrl(schema, "?vg.depth=7.6", "vg", base).values.depth).toBe(8);
  });

  it.each([
    ["__proto__", "?vg.__proto__=1&vg.hidden=__proto__"],
    ["constructor", "?vg.constructor=1&vg.hidden=constructor"],
    ["a script tag", "?vg.hidden=%3Cscript%3Ealert(1)%3C/script%3E"],
    ["an empty value", "?vg.hidden=&vg.depth="],
    ["a duplicated key", "?vg.hidden=relu&vg.hidden=tanh&vg.depth=3&vg.depth=5"],
    ["hex and words for numbers", "?vg.depth=0x10&vg.lr=fast"],
  ])("turns %s into defaults with a visible notice", (_name, search) => {
    const { values, notices } = readUrl(schema, search, "vg", base);
    expect(values.hidden).toBe("sigmoid");
    expect([4, 16]).toContain(values.depth);
    expect(notices.length).toBeGreaterThan(0);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values).sort()).toEqual(Object.keys(schema).sort());
  });

  /** Parses each prototype-pollution payload with `parse` and throws if any global or the result was touched. */
  function expectNoPollution(parse: (search: string) => unknown): void {
    const payloads = [
      "?vg.__proto__.polluted=1",
      "?vg.constructor.prototype.polluted=1",
      "?vg.__proto__=polluted&vg.hidden=tanh",
      "?__proto__.polluted=1&constructor.prototype.polluted=1",
    ];
    for (const search of payloads) {
      const parsed = parse(search) as Record<string, unknown>;
      expect(Object.hasOwn(Object.prototype, "polluted"), search).toBe(false);
      expect(Object.getPrototypeOf(parsed), search).toBe(Object.prototype);
      expect(Object.hasOwn(parsed, "__proto__") || Object.hasOwn(parsed, "constructor"), search).toBe(false);
    }
  }

  it("a __proto__ or constructor.prototype payload touches neither Object.prototype nor the parsed values", () => {
    expectNoPollution((search) => readUrl(schema, search, "vg", base).values);
  });

  it("the pollution check fails against a deliberately unsafe parser (dotted keys set as nested paths)", () => {
    const unsafe = (search: string) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of new URLSearchParams(search)) {
        const path = key.split(".");
        let at = out as Record<string, unknown>;
        for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
        at[path.at(-1)!] = value;
      }
      return out;
    };
    try {
      expect(() => expectNoPollution(unsafe)).toThrow();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it("reads its own settings from an address longer than 4000 characters: another application's parameters cost nothing", () => {
    const { values, notices } = readUrl(schema, `?vg.depth=5&junk=${"x".repeat(5000)}&vg.hidden=tanh`, "vg", base);
    expect([values.depth, values.hidden]).toEqual([5, "tanh"]);
    expect(notices).toEqual([]);
  });

  it("ignores only its own values that are too long, and counts a flood of unknown settings in one notice", () => {
    const flood = Array.from({ length: 500 }, (_, i) => `vg.x${i}=1`).join("&");
    const { values, notices } = readUrl(schema, `?vg.depth=6&vg.hidden=${"t".repeat(200)}&${flood}`, "vg", base);
    expect([values.depth, values.hidden]).toEqual([6, "sigmoid"]);
    expect(notices.map((n) => n.message)).toContain("495 more unknown settings in the address were ignored.");
    expect(notices).toHaveLength(1 + 5 + 1);
    expect(notices[0]!.message).toMatch(/is 200 characters long, so it was ignored/);
  });

  it("starts from a lesson's preset, not the schema defaults", () => {
    const preset = { ...base, depth: 10 };
    expect(readUrl(schema, "", "vg", preset).values.depth).toBe(10);
  });
});

describe("writeUrl", () => {
  it("writes only what differs from the base and keeps other parameters", () => {
    const search = writeUrl(schema, { ...base, depth: 12, leaky: true }, base, "?dr.lr=0.5&vg.depth=3", "vg");
    expect(search).toBe("?dr.lr=0.5&vg.depth=12&vg.leaky=1");
  });

  it("round-trips through readUrl", () => {
    const values = { depth: 17, lr: 0.003, hidden: "tanh" as const, leaky: false };
    const search = writeUrl(schema, values, base, "", "vg");
    expect(readUrl(schema, search, "vg", base).values).toEqual(values);
  });

  it("gives an empty string when everything is default", () => {
    expect(writeUrl(schema, base, base, "", "vg")).toBe("");
  });
});

describe("control policy (a teacher's lock/hide lists)", () => {
  const known = ["depth", "lr", "hidden", "speed", "seed"];

  it("is not read as a setting: no notice, and the settings still count as absent", () => {
    const { notices, present } = readUrl(schema, "?vg.lock=lr,depth&vg.hide=seed", "vg", base);
    expect(notices).toEqual([]);
    expect(present).toBe(false);
  });

  it("survives the lab writing its settings back", () => {
    expect(writeUrl(schema, { ...base, depth: 12 }, base, "?vg.lock=lr&vg.depth=3", "vg")).toBe(
      "?vg.lock=lr&vg.depth=12",
    );
  });

  it("reads known names from the address and the page, once each, and ignores the rest", () => {
    const policy = readControls("?vg.lock=lr,__proto__,%3Cb%3E,lr&vg.hide=seed&dr.lock=depth", "vg", known, {
      locked: ["depth"],
    });
    expect(policy).toEqual({ locked: ["depth", "lr"], hidden: ["seed"] });
    expect(readControls("?vg.lock=lr&vg.lock=depth", "vg", known)).toEqual({ locked: [], hidden: [] });
    expect(readControls(`?vg.lock=${"lr,".repeat(300)}`, "vg", known).locked).toEqual([]);
  });

  it("accepts any short lower-case name when the lab lists none", () => {
    expect(readControls("?sb.lock=act,Bad,x".concat("y".repeat(30)), "sb", null).locked).toEqual(["act"]);
  });

  it("round-trips through writeControls", () => {
    const search = writeControls({ locked: ["lr", "depth"], hidden: [] }, "?vg.depth=3", "vg");
    expect(search).toBe("?vg.depth=3&vg.lock=lr%2Cdepth");
    expect(readControls(search, "vg", known)).toEqual({ locked: ["lr", "depth"], hidden: [] });
  });
});
