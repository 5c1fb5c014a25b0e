/**
 * One student's work on one assignment, in the browser: answers locked in, tasks checked from the
 * lab's published states, saved progress, and the hand-in report. No DOM here; the view passes in
 * storage and lab states, so the whole flow is unit tested in Node.
 *
 *   load(storage) ──► answer(q, value) / labState(s) / setStudent(name) ──► save ──► report()
 */
import type { LabState } from "../../labs/index.ts";
import type { AssignmentData, Question } from "./assignment-schema.ts";
import { isAnswerable, isCorrect } from "./grading.ts";
import { storeLabState } from "./lab-state-schema.ts";
import {
  clearProgress,
  emptyProgress,
  isoTime,
  readProgress,
  saveProgress,
  type Progress,
  type ProgressStorage,
} from "./progress.ts";
import { buildReport, type Report } from "./report.ts";
import { checkTask, describeEvidence, freshMemory, type TaskMemory } from "./tasks.ts";

/** What the assignment island needs of an assignment. */
export type AssignmentSpec = Pick<AssignmentData, "title" | "lab" | "questions" | "tasks">;

/** Lab states are saved at most this often (they arrive every frame while a lab trains). */
const SAVE_LAB_EVERY_MS = 1000;

/** A student's work on one assignment. */
export class AssignmentWork {
  progress = $state<Progress>(emptyProgress(""));
  /** Shown to the student when saved progress could not be used, or saving fails. */
  notice = $state<string | null>(null);
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

  /** Reads saved progress (call once in the browser). */
  load(storage: ProgressStorage | null): void {
    this.#storage = storage;
    const { progress, notice } = readProgress(storage, this.spec, this.slug);
    this.progress = progress;
    this.notice = notice;
  }

  /** The locked-in answer to a question, or undefined. */
  answerOf(q: Question): string | undefined {
    return this.progress.answers[q.id]?.value;
  }

  /** Whether the locked-in answer is right (undefined before answering). */
  correct(q: Question): boolean | undefined {
    const value = this.answerOf(q);
    return value === undefined ? undefined : isCorrect(q, value);
  }

  /** Locks in an answer; returns false (and changes nothing) when it cannot be read or is already locked. */
  answer(q: Question, value: string, now: number = Date.now()): boolean {
    const v = value.trim();
    if (this.answerOf(q) !== undefined || !isAnswerable(q, v)) return false;
    this.progress.answers[q.id] = { value: v, at: isoTime(now) };
    this.#save(now);
    return true;
  }

  /** The student's name, as the report carries it. */
  setStudent(name: string, now: number = Date.now()): void {
    this.progress.student = name.slice(0, 80);
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
    this.progress.labs[s.lab] = s;
    if (changed || now - this.#lastLabSave >= SAVE_LAB_EVERY_MS) {
      this.#lastLabSave = now;
      this.#save(now);
    }
  }

  /** Whether a task is done. */
  done(taskId: string): boolean {
    return this.progress.tasks[taskId]?.done ?? false;
  }

  /** Forgets everything for this assignment (saved progress included). */
  reset(): void {
    clearProgress(this.#storage, this.slug);
    this.progress = emptyProgress(this.slug);
    this.#memory = {};
    this.evidence = {};
    this.notice = null;
    this.announcement = "Your answers for this assignment were erased.";
  }

  /** The hand-in report of the work so far. */
  report(now: number = Date.now()): Promise<Report> {
    const evidence = (id: string) => {
      const saved = this.progress.tasks[id];
      const task = this.spec.tasks.find((t) => t.id === id);
      if (saved?.done && saved.evidence && task) return describeEvidence(task.check, saved.evidence);
      return this.evidence[id] ?? "not attempted";
    };
    return buildReport(this.slug, this.spec, $state.snapshot(this.progress) as Progress, evidence, now);
  }

  #save(now: number): void {
    if (!this.#storage) return;
    if (!saveProgress(this.#storage, $state.snapshot(this.progress) as Progress, now)) {
      this.notice = "This browser refused to save your progress; download the report before you leave the page.";
    }
  }
}
