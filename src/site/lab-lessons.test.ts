import { describe, expect, it } from "vitest";
import { courseUse, labUses } from "./lab-lessons.ts";

const LESSONS = [
  {
    number: 6,
    title: "Dying ReLU",
    path: "/lessons/dying-relu/",
    body: `Text.\n\n<Lab id="dying-relu" preset="shock" caption="One huge step > many small ones." />\n\nMore.\n\n<Lab\n  id="dying-relu"\n  preset="negative-bias"\n  caption="Dead from step 0."\n/>\n`,
  },
  {
    number: 7,
    title: "Leaky ReLU and friends",
    path: "/lessons/leaky-relu-and-friends/",
    body: `<Lab id="activation-explorer" preset={{ a: "tanh" }} />\n<Lab id="dying-relu" preset="leaky-negative-bias" />\n\n[Open the lab after the shock](../../embed/dying-relu/shock-only/) and [again](../../embed/dying-relu/shock/).`,
  },
];

describe("where the course uses each lab", () => {
  const uses = labUses(LESSONS);

  it("finds every embed in reading order, with the anchor Lab.astro gives it", () => {
    expect(uses.map((u) => [u.lab, u.preset, u.lesson.number, u.anchor])).toEqual([
      ["dying-relu", "shock", 6, "lab-dying-relu"],
      ["dying-relu", "negative-bias", 6, "lab-dying-relu-2"],
      ["activation-explorer", null, 7, "lab-activation-explorer"],
      ["dying-relu", "leaky-negative-bias", 7, "lab-dying-relu"],
      ["dying-relu", "shock-only", 7, null],
      ["dying-relu", "shock", 7, null],
    ]);
  });

  it("picks the embed with the same preset, else the lab's first embed, else none", () => {
    expect(courseUse(uses, "dying-relu", "negative-bias")?.anchor).toBe("lab-dying-relu-2");
    expect(courseUse(uses, "dying-relu", "leaky-negative-bias")?.lesson.title).toBe("Leaky ReLU and friends");
    expect(courseUse(uses, "dying-relu", null)?.anchor).toBe("lab-dying-relu");
    expect(courseUse(uses, "dying-relu", "not-in-a-lesson")?.preset).toBe("shock");
    expect(courseUse(uses, "sandbox", null)).toBeNull();
  });

  it("sends a preset that a lesson only links to back to that lesson, and prefers an embed of it to a link", () => {
    expect(courseUse(uses, "dying-relu", "shock-only")).toMatchObject({ anchor: null, lesson: { number: 7 } });
    expect(courseUse(uses, "dying-relu", "shock")).toMatchObject({ anchor: "lab-dying-relu", lesson: { number: 6 } });
  });
});
