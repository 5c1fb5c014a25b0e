/**
 * The assignment builder's state: the draft being written (kept in the teacher's browser after every
 * change, so a reload loses nothing), whether it is a valid assignment and its faults, and the edits
 * the builder's form makes. No DOM here; the page passes in storage, so it is unit tested in Node.
 *
 *   load(storage) ──► edits (bound fields, add/remove/move) ──► save() ──► checked ──► copies and link
 */
import { checkCustom, studentCopy, teacherCopy } from "./custom-assignment.ts";
import type { CustomAssignment, StudentCopy, TeacherCopy } from "./custom-format.ts";
import {
  defaultTitle,
  draftAssignment,
  draftOf,
  newDraft,
  newQuestion,
  newTask,
  readDraft,
  type Draft,
  type DraftQuestion,
  type DraftTask,
} from "./assignment-draft.ts";
import { readTeacherFile } from "./custom-teacher.ts";
import type { LinkableLab } from "./lab-schemas.ts";
import { withControl, withFixed } from "./control-choice.ts";
import type { TaskKind } from "./task-catalogue.ts";

/** Where the draft is kept. */
export const DRAFT_KEY = "activation-labs:assignment-builder";

/** The part of localStorage the builder uses. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Longest stored draft read back, in characters (every field is bounded well below). */
const MAX_DRAFT_CHARS = 200_000;

/** The builder's state and edits. */
export class AssignmentBuilder {
  draft = $state<Draft>(newDraft());
  /** Said once above the form (a draft that could not be read, a file that was opened). */
  notice = $state<string | null>(null);
  /** False when this browser keeps nothing: the page says the draft lasts only as long as the tab. */
  saving = $state(true);
  /** The draft judged as an assignment: valid, or its faults. */
  readonly checked = $derived(checkCustom(draftAssignment(this.draft)));
  #storage: DraftStorage | null = null;

  /** Reads the kept draft (call once in the browser); null storage: the browser gives the page none. */
  load(storage: DraftStorage | null): void {
    this.#storage = storage;
    let raw: string | null;
    try {
      if (!storage) throw new Error("no storage");
      raw = storage.getItem(DRAFT_KEY);
    } catch {
      this.saving = false;
      return;
    }
    if (raw === null) return;
    let draft: Draft | null = null;
    try {
      draft = raw.length <= MAX_DRAFT_CHARS ? readDraft(JSON.parse(raw)) : null;
    } catch {
      draft = null;
    }
    if (draft) this.draft = draft;
    else this.notice = "The draft kept in this browser could not be read, so a new assignment was started.";
  }

  /** Keeps the draft in the browser; false (and `saving` off) when the browser refuses. */
  save(): boolean {
    if (!this.#storage || !this.saving) return false;
    try {
      this.#storage.setItem(DRAFT_KEY, JSON.stringify($state.snapshot(this.draft)));
      return true;
    } catch {
      this.saving = false;
      return false;
    }
  }

  /** The valid assignment, or null while the draft has faults. */
  get assignment(): CustomAssignment | null {
    return this.checked.ok ? this.checked.assignment : null;
  }

  /** The two copies of the valid assignment (null while it has faults). */
  get copies(): { teacher: TeacherCopy; student: StudentCopy } | null {
    const a = this.assignment;
    return a ? { teacher: teacherCopy(a), student: studentCopy(a) } : null;
  }

  #nextId(prefix: "q" | "t"): string {
    return `${prefix}${this.draft.next++}`;
  }

  /** Chooses the lab: its preset, fixed settings, locks and hides start over (they are the lab's own). */
  setLab(lab: LinkableLab): void {
    if (lab === this.draft.lab) return;
    Object.assign(this.draft, { lab, preset: "", fixed: {}, locked: [], hidden: [] });
  }

  /** Fixes a setting at `value` (typed), or lets it follow the preset (null). */
  setFixed(key: string, value: string | null): void {
    this.draft.fixed = withFixed(this.draft.fixed, key, value);
  }

  /** Locks or unlocks, hides or shows a control. */
  setControl(list: "locked" | "hidden", name: string, on: boolean): void {
    this.draft[list] = withControl(this.draft[list], name, on);
  }

  /** Adds a question at the end. */
  addQuestion(kind: DraftQuestion["kind"]): void {
    this.draft.questions.push(newQuestion(kind, this.#nextId("q")));
  }

  /** Adds a task at the end. */
  addTask(kind: TaskKind): void {
    this.draft.tasks.push(newTask(kind, this.#nextId("t")));
  }

  /** Removes a question or a task. */
  remove(list: "questions" | "tasks", index: number): void {
    this.draft[list].splice(index, 1);
  }

  /** Moves a question or a task one place up (-1) or down (+1). */
  move(list: "questions" | "tasks", index: number, by: -1 | 1): void {
    const items = this.draft[list];
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    const [item] = items.splice(index, 1);
    items.splice(to, 0, item as never);
  }

  /** Adds an option to a choice question (at most six). */
  addChoice(q: DraftQuestion): void {
    if (q.choices.length < 6) q.choices.push("");
  }

  /** Removes an option (keeping at least two); the right one stays the same option where it can. */
  removeChoice(q: DraftQuestion, index: number): void {
    if (q.choices.length <= 2) return;
    q.choices.splice(index, 1);
    if (q.right > index || q.right >= q.choices.length) q.right = Math.max(0, q.right - 1);
  }

  /** Changes a task's check; its parameters and title start over. */
  setTaskKind(t: DraftTask, kind: TaskKind): void {
    const fresh = newTask(kind, t.id);
    Object.assign(t, { kind, params: fresh.params, title: fresh.title });
  }

  /** Sets one parameter of a task's check; a title the teacher has not edited follows it. */
  setParam(t: DraftTask, key: string, value: string): void {
    const following = t.title.trim() === "" || t.title === defaultTitle(t.kind, t.params);
    t.params = { ...t.params, [key]: value };
    if (following) t.title = defaultTitle(t.kind, t.params) || t.title;
  }

  /** Starts a new, empty assignment (the current draft is dropped). */
  startNew(): void {
    this.draft = newDraft();
    this.notice = null;
  }

  /** Opens a teacher's file to edit it: true when it was one; otherwise the notice says why not. */
  openTeacherFile(text: string, name: string): boolean {
    const opened = readTeacherFile(text);
    if (!opened.ok) {
      this.notice = `${name} could not be opened. ${opened.faults.join(" ")}`;
      return false;
    }
    this.draft = draftOf(opened.copy.assignment);
    this.notice = `Opened ${name}. Students' progress carries over: the assignment keeps its id.`;
    return true;
  }
}
