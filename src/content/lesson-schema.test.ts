import { z } from "astro/zod";
import { describe, expect, it } from "vitest";
import { lessonIdFromPath, lessonOrderFromPath } from "./lesson-order.ts";
import { lessonSchema } from "./lesson-schema.ts";

const schema = lessonSchema(z.string());

function messages(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("lesson frontmatter", () => {
  it("accepts a complete lesson and fills the defaults", () => {
    const data = schema.parse({
      title: "Step and sigmoid",
      summary: "Why a step cannot be trained by gradient descent.",
    });
    expect(data).toEqual({
      title: "Step and sigmoid",
      summary: "Why a step cannot be trained by gradient descent.",
      prerequisites: [],
      labs: [],
      draft: false,
    });
  });

  it("tells the author when the title is missing", () => {
    expect(messages({ summary: "A summary long enough." })).toEqual([
      'Every lesson needs a `title:` (a short heading, e.g. "Step and sigmoid").',
    ]);
  });

  it("names the unknown lab and lists the known ones", () => {
    const [message] = messages({ title: "ReLU", summary: "A summary long enough.", labs: ["relu-lab"] });
    expect(message).toContain('Unknown lab "relu-lab"');
    expect(message).toContain("activation-explorer");
  });

  it("rejects a draft flag that is not a boolean", () => {
    expect(messages({ title: "ReLU", summary: "A summary long enough.", draft: "yes" })).toEqual([
      "`draft:` must be true or false.",
    ]);
  });

  it("keeps summaries to one sentence's length", () => {
    expect(messages({ title: "ReLU", summary: "x".repeat(201) })[0]).toContain("over 200 characters");
  });
});

describe("lesson folders", () => {
  it("use the number for order and the rest as the URL slug", () => {
    expect(lessonIdFromPath("02-step-and-sigmoid/index.mdx")).toBe("step-and-sigmoid");
    expect(lessonOrderFromPath("/site/content/lessons/02-step-and-sigmoid/index.mdx")).toBe(2);
  });

  it("reject a folder without a two-digit number, with a message that shows the expected form", () => {
    expect(() => lessonIdFromPath("step-and-sigmoid/index.mdx")).toThrow(/must be named NN-slug/);
    expect(() => lessonIdFromPath("2-Step/index.mdx")).toThrow(/02-step-and-sigmoid/);
  });
});
