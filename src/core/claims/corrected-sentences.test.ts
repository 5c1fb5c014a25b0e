/**
 * Text-level claim tests for sentences issue 13 §1 corrected that no number guards: each reads the lesson's MDX and
 * checks that the corrected sentence still says what is true, so the first edition's wording cannot come back.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../../", import.meta.url);

/** A lesson's MDX split into paragraphs (blank-line separated), each with its whitespace collapsed. */
function paragraphs(lesson: string): string[] {
  return readFileSync(new URL(`content/lessons/${lesson}/index.mdx`, ROOT), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim());
}

describe("issue 13 §1.6: lesson 3 says what He et al. (2015) contains", () => {
  const lesson = paragraphs("03-vanishing-gradients");
  const at = lesson.findIndex((p) => p.includes("(../../reference/references/#he-2015)") && /conditions?\b/.test(p));
  const paper = lesson[at] ?? "";

  it("the paragraph citing the paper says it derives both conditions: the forward Var(W) = 2/n_in just before it, the backward 2/n_out in it", () => {
    expect(at, "the paragraph citing He et al. (2015) about the initialisation").toBeGreaterThan(0);
    // The display just before the paragraph is the forward condition; the paragraph states the backward one.
    expect(lesson[at - 1]).toMatch(/\\operatorname\{Var\}\(W\) = \\frac\{2\}\{n_\{\\text\{in\}\}\}/);
    expect(paper).toContain("\\operatorname{Var}(W) = 2/n_{\\text{out}}");
    expect(paper).toMatch(/\bderive both conditions\b/);
  });

  it("and that the same paper introduces PReLU, linked to the lesson that teaches it", () => {
    expect(paper).toMatch(/The same paper introduces PReLU\b[^.]*\(\.\.\/leaky-relu-and-friends\/\)/);
  });

  it("no sentence reduces the paper to the factor 2", () => {
    for (const p of lesson) expect(p).not.toMatch(/whole of He\b|He et al\.[^.]*\bonly\b[^.]*factor 2/);
  });
});

describe("issue 13 §1.10: lesson 4's LSTM sentence puts tanh on the candidate and the output, not on the cell state", () => {
  const bullet = paragraphs("04-tanh")
    .flatMap((p) => p.split(/ (?=- \*\*)/))
    .find((b) => b.includes("LSTM"));
  const text = bullet ?? "";

  it("the cell state is updated by addition, with no tanh: c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t", () => {
    expect(bullet, "the bullet on recurrent networks").toBeDefined();
    expect(text).toContain("c_t = f_t \\odot c_{t-1} + i_t \\odot g_t");
  });

  it("tanh is on the candidate g_t and on the output h_t = o_t ⊙ tanh(c_t), and nowhere else on c_t", () => {
    expect(text).toContain("g_t = \\tanh(\\cdot)");
    expect(text).toContain("h_t = o_t \\odot \\tanh(c_t)");
    expect(text.replaceAll("o_t \\odot \\tanh(c_t)", "")).not.toMatch(/\\tanh\s*\(?\s*c_/);
  });

  it("every word of squashing said of the memory is negated", () => {
    const squashes = [...text.matchAll(/squash\w*/g)];
    expect(squashes.length).toBeGreaterThan(0);
    for (const m of squashes) expect(text.slice(Math.max(0, m.index - 12), m.index), m[0]).toMatch(/\bnot\b/);
  });
});
