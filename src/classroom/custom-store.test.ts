import { describe, expect, it } from "vitest";
import { asStudentAssignment, studentCopy } from "./custom-assignment.ts";
import { CUSTOM, MemoryStorage } from "./custom-fixtures.ts";
import { openJson } from "./custom-open.ts";
import {
  CUSTOM_STORE_PREFIX,
  MAX_REMEMBERED,
  recalledCopy,
  rememberAssignment,
  rememberedAssignments,
} from "./custom-store.ts";

const opened = asStudentAssignment(studentCopy(CUSTOM));
const T0 = Date.UTC(2025, 0, 1);

describe("assignments a student opened on this device", () => {
  it("are remembered, listed newest first and reopened by id through the same checks", () => {
    const storage = new MemoryStorage();
    expect(rememberAssignment(storage, opened, T0)).toBe(true);
    const other = { ...opened, id: "custom-zzzzz00000", title: "Another" };
    rememberAssignment(storage, other, T0 + 1000);
    expect(rememberedAssignments(storage)).toEqual([
      { id: "custom-zzzzz00000", title: "Another", lab: "dying-relu", openedAt: "2025-01-01T00:00:01.000Z" },
      { id: CUSTOM.id, title: CUSTOM.title, lab: "dying-relu", openedAt: "2025-01-01T00:00:00.000Z" },
    ]);
    expect(openJson(recalledCopy(storage, CUSTOM.id))).toEqual({ ok: true, assignment: opened });
  });

  it("forget the one opened longest ago past the limit", () => {
    const storage = new MemoryStorage();
    for (let i = 0; i <= MAX_REMEMBERED; i++)
      rememberAssignment(storage, { ...opened, id: `custom-${String(i).padStart(10, "0")}` }, T0 + i);
    const list = rememberedAssignments(storage);
    expect(list).toHaveLength(MAX_REMEMBERED);
    expect(list.map((a) => a.id)).not.toContain("custom-0000000000");
  });

  it("leave out entries that cannot be read, and recall nothing for them", () => {
    const storage = new MemoryStorage();
    rememberAssignment(storage, opened, T0);
    storage.setItem(`${CUSTOM_STORE_PREFIX}custom-bbbbbbbbbb`, "{not json");
    storage.setItem(`${CUSTOM_STORE_PREFIX}custom-cccccccccc`, JSON.stringify({ openedAt: 5, copy: {} }));
    storage.setItem(
      `${CUSTOM_STORE_PREFIX}custom-dddddddddd`,
      JSON.stringify({ openedAt: "x", copy: { assignment: { id: "custom-eeeeeeeeee", title: "T", lab: "sandbox" } } }),
    );
    storage.setItem(`${CUSTOM_STORE_PREFIX}../../etc`, "{}");
    expect(rememberedAssignments(storage).map((a) => a.id)).toEqual([CUSTOM.id]);
    expect(recalledCopy(storage, "custom-bbbbbbbbbb")).toBeNull();
    expect(recalledCopy(storage, "not-an-id")).toBeNull();
    storage.setItem(`${CUSTOM_STORE_PREFIX}custom-ffffffffff`, '{"copy":{"__proto__":{"x":1}}}');
    expect(recalledCopy(storage, "custom-ffffffffff")).toBeNull();
  });

  it("give an edited stored copy to the same checks as a link", () => {
    const storage = new MemoryStorage();
    rememberAssignment(storage, { ...opened, title: "" }, T0);
    expect(openJson(recalledCopy(storage, CUSTOM.id))).toEqual({
      ok: false,
      faults: ["Title: The title is too short."],
    });
  });

  it("keep nothing, and say so, when the browser refuses", () => {
    const storage = new MemoryStorage();
    storage.refuse = true;
    expect(rememberAssignment(storage, opened, T0)).toBe(false);
    expect(rememberAssignment(null, opened, T0)).toBe(false);
    expect(rememberedAssignments(null)).toEqual([]);
  });
});
