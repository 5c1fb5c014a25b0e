import { readdirSync, readFileSync } from "node:fs";
import { z } from "astro/zod";
import { describe, expect, it } from "vitest";
import { teacherGuideSchema } from "./teacher-schema.ts";

const schema = teacherGuideSchema(z.string());
const guide = {
  lesson: "relu",
  minutes: 20,
  objectives: ["Write ReLU and its derivative.", "Explain He initialisation."],
  timing: [
    { minutes: 5, activity: "Warm-up at the board." },
    { minutes: 15, activity: "The lab with He initialisation." },
  ],
  misconceptions: [
    { belief: "ReLU is linear, so useless.", correction: "It is piecewise linear; the kink is enough." },
    { belief: "ReLU fixes everything.", correction: "Only with a fitting initialisation." },
  ],
  prompts: ["Which paths carry the gradient?", "Why the factor 2 in He?"],
  nan: "A diverged run shows a message; Reset and lower the rate.",
};

describe("teacher guide frontmatter", () => {
  it("accepts a complete guide", () => {
    expect(schema.parse(guide).assignments).toEqual([]);
  });

  it("says what is missing or inconsistent, for the teacher who writes it", () => {
    const { nan: _nan, ...noNan } = guide;
    const msg = (g: unknown) => (schema.safeParse(g).error?.issues ?? []).map((i) => i.message).join(" | ");
    expect(msg(noNan)).toMatch(/`nan:` note/);
    expect(msg({ ...guide, minutes: 30 })).toMatch(/add up to `minutes:`/);
    expect(msg({ ...guide, prompts: ["Only one prompt here."] })).toMatch(/at least two discussion/);
  });

  it("has a guide for every lesson folder", () => {
    const lessons = readdirSync("content/lessons").map((d) => d.replace(/^\d\d-/, ""));
    const guides = readdirSync("content/teacher").map((f) => f.replace(/\.mdx$/, ""));
    expect(guides.sort()).toEqual(lessons.sort());
    for (const f of readdirSync("content/teacher"))
      expect(readFileSync(`content/teacher/${f}`, "utf8")).toMatch(/^---\nlesson: /);
  });
});
