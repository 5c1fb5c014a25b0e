/**
 * One student's work on one assignment, in the browser: answers locked in, tasks checked from the
 * lab's published states, saved progress, and the hand-in report. No DOM here; the view passes in
 * storage and lab states, so the whole flow is unit tested in Node.
 *
 *   load(storage) ──► answer(q, value) / labState(s) / setStudent(name) ──► save ──► report()
 */
import type { LabState } from "../../labs/index.ts";
import type { AssignmentData, OpenQuestion } from "./assignment-schema.ts";
import { hasKey, isAnswerable, isCorrect } from "./grading.ts";
import { storeLabState } from "./lab-state-schema.ts";
import { plainText } from "./plain-text.ts";
import { bounded, mergeProgress } from "./progress-merge.ts";
import {
  decodeProgress,
  emptyProgress,
  isoTime,
  readProgress,
  saveProgress,
  type Progress,
  type ProgressStorage,
} from "./progress.ts";
import type { Report } from "./report.ts";
import { checkTask, describeEvidence, freshMemory, type TaskMemory } from "./tasks.ts";

/**
 * What the assignment island needs of an assignment (`version`: its answer key's, answer-key.ts). A
 * teacher-written assignment may give its questions without their key (prompt only): the page then
 * locks answers in without saying right or wrong.
 */
export type AssignmentSpec = Pick<AssignmentData, "title" | "lab" | "tasks"> & {
  questions: OpenQuestion[];
  version: string;
};

/** Lab states are saved at most this often (they arrive every frame while a lab trains). */
const SAVE_LAB_EVERY_MS = 1000;

/** A student's work on one assignment. */
export class AssignmentWork {
  progress = $state<Progress>(emptyProgress(""));
  /** Shown to the student when saved progress could not be used. */
  notice = $state<string | null>(null);
  /** False when this browser keeps nothing (storage blocked or refused): the page says so beside the questions. */
  saving = $state(true);
  /** What the latest lab state shows for each task, in words. */
  evidence = $state<Record<string, string>>({});
  /** Announced politely when a task is done. */
  announcement = $state("");
  readonly slug: string;
  readonly spec: AssignmentSpec;
  #storage: ProgressStorage | null = null;
  #memory: Record<string, TaskMemory> = {};
  #lastLabSave = 0;

  constructor(slug: string, spec: AssignmentSpec) {
    this.slug = slug;
    this.spec = spec;
    this.progress = emptyProgress(slug);
  }

  /** Reads saved progress (call once in the browser); null storage: the browser gives the page none. */
  load(storage: ProgressStorage | null): void {
    this.#storage = storage;
    const { progress, notice, saving } = readProgress(storage, this.spec, this.slug);
    this.progress = progress;
    this.notice = notice;
    this.saving = saving;
  }

  /** Takes in what another tab saved (its `storage` event's new value), item by item. */
  sync(raw: string | null): void {
    const theirs = decodeProgress(raw, this.slug);
    if (theirs && typeof theirs === "object") this.progress = mergeProgress(this.#snapshot(), theirs);
  }

  /** The locked-in answer to a question, or undefined. */
  answerOf(q: OpenQuestion): string | undefined {
    return this.progress.answers[q.id]?.value;
  }

  /** Whether the locked-in answer is right (undefined before answering, or when the page has no key). */
  correct(q: OpenQuestion): boolean | undefined {
    const value = this.answerOf(q);
    return value === undefined || !hasKey(q) ? undefined : isCorrect(q, value);
  }

  /** Locks in an answer; returns false (and changes nothing) when it cannot be read or is already locked. */
  answer(q: OpenQuestion, value: string, now: number = Date.now()): boolean {
    const v = value.trim();
    if (this.answerOf(q) !== undefined || !isAnswerable(q, v)) return false;
    const answer = { value: v, at: isoTime(now) };
    this.progress.answers[q.id] = answer;
    this.progress.attempts[q.id] = bounded([...(this.progress.attempts[q.id] ?? []), answer]);
    this.#save(now);
    return true;
  }

  /** The student's name, as the report carries it (control characters removed). */
  setStudent(name: string, now: number = Date.now()): void {
    this.progress.student = plainText(name).slice(0, 80);
    this.progress.studentAt = isoTime(now);
    this.#save(now);
  }

  /** Folds a lab's published state into the tasks (states of other labs are ignored). */
  labState(state: LabState, now: number = Date.now()): void {
    if (state.lab !== this.spec.lab) return;
    const s = storeLabState(state);
    let changed = false;
    for (const task of this.spec.tasks) {
      const result = checkTask(task.check, this.#memory[task.id] ?? freshMemory(), s);
      this.#memory[task.id] = result.memory;
      this.evidence[task.id] = describeEvidence(task.check, s);
      if (result.done && !this.progress.tasks[task.id]?.done) {
        this.progress.tasks[task.id] = { done: true, at: isoTime(now), evidence: s };
        this.announcement = `Task done: ${task.title}`;
        changed = true;
      }
    }
    this.progress.labs[s.lab] = { state: s, at: isoTime(now) };
    if (changed || now - this.#lastLabSave >= SAVE_LAB_EVERY_MS) {
      this.#lastLabSave = now;
      this.#save(now);
    }
  }

  /** Whether a task is done. */
  done(taskId: string): boolean {
    return this.progress.tasks[taskId]?.done ?? false;
  }

  /**
   * Erases the answers, tasks and name, here and in every tab. The attempts and the time of the
   * reset stay: the report shows them, so a reset cannot hide a first answer.
   */
  reset(now: number = Date.now()): void {
    const { attempts, resets } = this.#snapshot();
    this.progress = { ...emptyProgress(this.slug), attempts, resets: bounded([...resets, isoTime(now)]) };
    this.#memory = {};
    this.evidence = {};
    this.notice = null;
    this.announcement = "Your answers for this assignment were erased.";
    this.#save(now);
  }

  /** The hand-in report of the work so far (its builder loads when first asked for). */
  async report(now: number = Date.now()): Promise<Report> {
    const evidence = (id: string) => {
      const saved = this.progress.tasks[id];
      const task = this.spec.tasks.find((t) => t.id === id);
      if (saved?.done && saved.evidence && task) return describeEvidence(task.check, saved.evidence);
      return this.evidence[id] ?? "not attempted";
    };
    const { buildReport } = await import("./report.ts");
    return buildReport(this.slug, this.spec, this.#snapshot(), evidence, now);
  }

  /** The report as a file to download: its name and its JSON text. */
  async reportFile(now: number = Date.now()): Promise<{ name: string; text: string }> {
    const [report, { reportFileName }] = await Promise.all([this.report(now), import("./report.ts")]);
    return { name: reportFileName(report), text: JSON.stringify(report, null, 2) };
  }

  #snapshot(): Progress {
    return $state.snapshot(this.progress) as Progress;
  }

  #save(now: number): void {
    if (!this.saving) return;
    const saved = saveProgress(this.#storage, this.#snapshot(), now);
    if (saved) this.progress = saved;
    else this.saving = false;
  }
}
