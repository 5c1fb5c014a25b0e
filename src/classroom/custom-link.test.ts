import { describe, expect, it } from "vitest";
import { studentCopy, teacherCopy } from "./custom-assignment.ts";
import { CUSTOM } from "./custom-fixtures.ts";
import { LINK_FAULTS, linkFragment, MAX_LINK_CHARS, parseJsonSafely, readLinkFragment } from "./custom-link.ts";
import { openFileText, openFragment } from "./custom-open.ts";
import { readTeacherFile } from "./custom-teacher.ts";

/** Deflates bytes as a link does and writes them in base64url. */
async function pack(bytes: Uint8Array): Promise<string> {
  const out = new Uint8Array(
    await new Response(
      new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw")),
    ).arrayBuffer(),
  );
  return Buffer.from(out).toString("base64url");
}

const withheld = { ...CUSTOM, answers: "withheld" as const };

describe("an assignment in a link", () => {
  it("goes through the link and back unchanged, in base64url after #a=", async () => {
    const copy = studentCopy(CUSTOM);
    const fragment = await linkFragment(copy);
    expect(fragment).toMatch(/^a=[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(JSON.stringify(copy).length);
    expect(await readLinkFragment(`#${fragment}`)).toEqual({ ok: true, json: copy });
    expect(await openFragment(`#${fragment}`)).toEqual({ ok: true, assignment: copy.assignment });
  });

  it("carries no answer when the teacher keeps the key out", async () => {
    const fragment = await linkFragment(studentCopy(withheld));
    const read = await readLinkFragment(fragment);
    const text = JSON.stringify(read.ok && read.json);
    expect(text).toContain(CUSTOM.questions[0]!.prompt);
    for (const secret of ['"answer"', '"explanation"', '"tolerance"']) expect(text).not.toContain(secret);
  });

  it("refuses a link past the stated size", async () => {
    expect(MAX_LINK_CHARS).toBe(8000);
    const long = `a=${"A".repeat(MAX_LINK_CHARS)}`;
    expect(await readLinkFragment(long)).toEqual({ ok: false, fault: LINK_FAULTS.tooLong });
  });

  it("says a cut-off link is incomplete, at any length", async () => {
    const fragment = await linkFragment(studentCopy(CUSTOM));
    for (const length of [fragment.length - 1, fragment.length - 2, fragment.length - 3, 300, 10]) {
      expect(await readLinkFragment(fragment.slice(0, length)), `cut to ${length}`).toEqual({
        ok: false,
        fault: LINK_FAULTS.cut,
      });
    }
    expect(await readLinkFragment("#")).toEqual({ ok: false, fault: LINK_FAULTS.cut });
    expect(await readLinkFragment("#b=123")).toEqual({ ok: false, fault: LINK_FAULTS.cut });
  });

  it("says a link with characters base64url never has is damaged", async () => {
    expect(await readLinkFragment("#a=abc$def")).toEqual({ ok: false, fault: LINK_FAULTS.garbled });
    expect(await readLinkFragment("#a=abc def")).toEqual({ ok: false, fault: LINK_FAULTS.garbled });
  });

  it("stops inflating a small link that unpacks to more than an assignment holds", async () => {
    const bomb = await pack(new Uint8Array(5_000_000).fill(32));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await readLinkFragment(`a=${bomb}`)).toEqual({ ok: false, fault: LINK_FAULTS.tooLarge });
  });

  it("says a link that unpacks to something other than JSON holds no assignment", async () => {
    const text = await pack(new TextEncoder().encode("<script>alert(1)</script>"));
    expect(await readLinkFragment(`a=${text}`)).toEqual({ ok: false, fault: LINK_FAULTS.notJson });
    const notUtf8 = await pack(new Uint8Array([0xff, 0xfe, 0xfd]));
    expect(await readLinkFragment(`a=${notUtf8}`)).toEqual({ ok: false, fault: LINK_FAULTS.notJson });
  });

  it("checks what a link carries as an assignment, and refuses the teacher's copy", async () => {
    const edited = await pack(
      new TextEncoder().encode(
        JSON.stringify({
          ...studentCopy(CUSTOM),
          copy: "student",
          assignment: { ...studentCopy(CUSTOM).assignment, title: "" },
        }),
      ),
    );
    expect(await openFragment(`a=${edited}`)).toEqual({ ok: false, faults: ["Title: The title is too short."] });
    const teacher = await linkFragment(teacherCopy(CUSTOM));
    const opened = await openFragment(teacher);
    expect(opened.ok ? "" : opened.faults.join()).toMatch(/teacher's copy/);
  });
});

describe("an assignment in a file", () => {
  it("opens the students' copy and refuses the teacher's, and the reverse for the teacher", () => {
    const student = JSON.stringify(studentCopy(CUSTOM));
    const teacher = JSON.stringify(teacherCopy(CUSTOM));
    expect(openFileText(student)).toMatchObject({ ok: true });
    expect(openFileText(teacher)).toMatchObject({ ok: false, faults: [expect.stringMatching(/teacher's copy/)] });
    expect(readTeacherFile(teacher)).toEqual({ ok: true, copy: teacherCopy(CUSTOM) });
    expect(readTeacherFile(student)).toMatchObject({ ok: false, faults: [expect.stringMatching(/students' copy/)] });
  });

  it("says what is wrong with a file that is not an assignment", () => {
    expect(openFileText("not json")).toEqual({
      ok: false,
      faults: ["This file is not an assignment: it is not readable JSON."],
    });
    expect(openFileText(" ".repeat(100_001))).toEqual({
      ok: false,
      faults: ["This file is too large to be an assignment."],
    });
    expect(openFileText('{"format":"activation-labs-report"}')).toMatchObject({
      ok: false,
      faults: [expect.stringMatching(/not an Activation Labs assignment/)],
    });
  });

  it("refuses keys that could reach an object's prototype", () => {
    expect(() => parseJsonSafely('{"__proto__": {"polluted": true}}')).toThrow();
    expect(() => parseJsonSafely('{"a": {"constructor": {"prototype": 1}}}')).toThrow();
    const hostile = JSON.stringify(studentCopy(CUSTOM)).replace('"fixed":{', '"fixed":{"__proto__":{"lr":1},');
    expect(openFileText(hostile)).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).lr).toBeUndefined();
  });
});
