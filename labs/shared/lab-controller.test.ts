import { describe, expect, it } from "vitest";
import { DyingReluLab } from "../dying-relu/dying-relu.svelte.ts";

/** A lab that is never started (no worker): what matters here is how it reads its settings. */
const lab = (preset: Record<string, unknown>) => new DyingReluLab(preset, { address: null });

describe("the lab controller's settings", () => {
  it("a setting the page locks keeps the page's value whatever the address says, with a notice", () => {
    const locked = lab({ shock: "50", data: "moons" });
    locked.mount("?dr.shock=10&dr.data=circles&dr.lr=0.5", { locked: ["shock", "data"] });
    expect([locked.settings.shock, locked.settings.data, locked.settings.lr]).toEqual(["50", "moons", 0.5]);
    expect(locked.notices.map((n) => n.message)).toEqual([
      "shock size is set by this page, so the address's value was ignored.",
      "dataset is set by this page, so the address's value was ignored.",
    ]);
    expect(locked.policy.locked).toEqual(["shock", "data"]);
    locked.dispose();
  });

  it("without a page lock the address wins, and a teacher's lock from the address keeps the address's value", () => {
    const free = lab({ shock: "50" });
    free.mount("?dr.shock=10&dr.lock=shock");
    expect(free.settings.shock).toBe("10");
    expect(free.policy.locked).toEqual(["shock"]);
    expect(free.notices).toEqual([]);
    free.dispose();
  });

  it("a page's preset given at mount replaces the built one: the address applies on top, except where the page locks", () => {
    const l = lab({ act: "relu", lr: 0.1 });
    l.mount("?dr.lr=0.5&dr.bias=-1", {
      preset: { act: "leaky-relu", bias: 0.5, lr: 50, unknown: 1 },
      locked: ["bias"],
    });
    expect(l.base).toMatchObject({ act: "leaky-relu", bias: 0.5, lr: 10 });
    expect([l.settings.act, l.settings.bias, l.settings.lr]).toEqual(["leaky-relu", 0.5, 0.5]);
    expect(l.notices.map((n) => n.message)).toEqual([
      "learning rate: 50 is outside 0.001…10, so it is 10.",
      "initial bias is set by this page, so the address's value was ignored.",
    ]);
    expect(l.urlSearch("")).toBe("?dr.lr=0.5");
    l.dispose();
  });

  it("set() checks a control's value against the schema once: clamped or kept, with a notice; unchanged is a no-op", () => {
    const l = lab({});
    expect(l.set("lr", 1e9)).toBe(true);
    expect(l.settings.lr).toBe(10);
    expect(l.set("act", "<script>")).toBe(false);
    expect(l.settings.act).toBe("relu");
    expect(l.set("act", "relu")).toBe(false);
    expect(l.notices.map((n) => n.setting)).toEqual(["learning rate", "activation"]);
    l.dispose();
  });
});
