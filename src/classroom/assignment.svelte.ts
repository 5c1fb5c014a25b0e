/**
 * One student's work on one assignment, in the browser: answers locked in, tasks checked from the
 * lab's published states, saved progress, and the hand-in report. No DOM here; the view passes in
 * storage and lab events, so the whole flow is unit tested in Node.
 *
 *   load(storage) ──► answer(q, value) / labEvent(e) / setStudent(name) ──► save ──► report()
 *
 * What follows the lab (lab-follower.ts: the task checkers, the stored state, the run behind it) loads
 * with the lab's first event. After a reload, a lab asks for its saved run as it mounts (wantsRestore,
 * then restoreWith) and replays it; until the replayed run is on screen its states are not taken in, so
 * the saved state (what the summary, the print and the file describe) is never replaced by the lab's
 * usual start.
 */
import type { LabEvent, LabState, RestoreRun } from "../../labs/index.ts";
import type { AssignmentData, OpenQuestion } from "./assignment-schema.ts";
import { hasKey, isAnswerable, isCorrect } from "./grading.ts";
import type { LabFollower } from "./lab-follower.ts";
import type { SavedLabRun } from "./lab-run.ts";
import { withoutControls } from "./plain-text.ts";
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
  /** The hand-in as a download would give it now (refreshReport): the print shows its time and checksum. */
  handIn = $state.raw<Report | null>(null);
  readonly slug: string;
  readonly spec: AssignmentSpec;
  #storage: ProgressStorage | null = null;
  #follower: LabFollower | null = null;
  #loading: Promise<LabFollower> | null = null;
  /** Lab events that arrived while the follower was loading, in order. */
  #waiting: [LabEvent, number][] = [];
  #lastLabSave = 0;
  /** A save of the latest lab state, due when the once-a-second limit allows (the last state before a pause). */
  #trailingSave: ReturnType<typeof setTimeout> | null = null;
  /**
   * Labs offered their saved run: "asked" until the lab says it is replaying it (no state is taken in: the lab
   * still shows its usual start), then "replaying" until the replayed run is on screen.
   */
  #restoring: Record<string, "asked" | "replaying"> = {};
  /** What handIn was built from (the progress and the evidence then), to tell when it is out of date. */
  #handInOf = "";

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

  /**
   * The student's name as typed, saved at once (control characters removed; spaces kept while typing, the
   * report trims them), so the summary shows it before the field is left.
   */
  setStudent(name: string, now: number = Date.now()): void {
    this.progress.student = withoutControls(name).slice(0, 80);
    this.progress.studentAt = isoTime(now);
    this.#save(now);
  }

  /** Loads what follows the lab (lab-follower.ts) once, then takes in the events that waited for it. */
  loadFollower(): Promise<LabFollower> {
    this.#loading ??= import("./lab-follower.ts").then(({ LabFollower }) => {
      this.#follower = new LabFollower(this.spec.tasks);
      for (const [event, at] of this.#waiting.splice(0)) this.labEvent(event, at);
      return this.#follower;
    });
    return this.#loading;
  }

  /** Takes in a lab-state event (events of other labs are ignored): its state and run, once the follower is here. */
  labEvent(event: LabEvent, now: number = Date.now()): void {
    if (event.lab !== this.spec.lab) return;
    if (!this.#follower) {
      // A lab sends one a frame; a few hundred cover any wait for the follower.
      if (this.#waiting.push([event, now]) > 500) this.#waiting.shift();
      void this.loadFollower();
      return;
    }
    const { state, run } = this.#follower.read(event);
    this.labState(state, run, now);
  }

  /**
   * Whether a lab mounting has a saved run to show again (it is this assignment's lab, and one was saved). From
   * now until the replayed run is on screen, that lab's states are not taken in.
   */
  wantsRestore(lab: string): boolean {
    if (lab !== this.spec.lab || !this.progress.labs[lab]?.run) return false;
    this.#restoring[lab] = "asked";
    return true;
  }

  /**
   * Shows the saved run again with the lab's `restore` (null: the lab cannot), once the run is read (its reader
   * comes with the follower). A run that cannot be read or replayed leaves a notice, and the lab runs as usual.
   */
  async restoreWith(lab: string, restore: RestoreRun | null): Promise<void> {
    const follower = await this.loadFollower();
    const notice = await follower.restore($state.snapshot(this.progress.labs[lab]), restore);
    if (notice === null) {
      if (Object.hasOwn(this.#restoring, lab)) this.#restoring[lab] = "replaying";
    } else {
      delete this.#restoring[lab];
      this.notice = notice;
    }
  }

  /**
   * Folds a lab's live state, and the run behind it (null when the lab cannot say), into the tasks and the saved
   * progress, once the follower is loaded. A restoring lab's states wait until its run is back.
   */
  labState(live: LabState, run: SavedLabRun | null = null, now: number = Date.now()): void {
    const follower = this.#follower;
    if (live.lab !== this.spec.lab || !follower) return;
    const restoring = Object.hasOwn(this.#restoring, live.lab) ? this.#restoring[live.lab] : undefined;
    if (restoring) {
      // Until the lab replays, its states are its usual start; then the replay's first state with a run is it.
      if (restoring === "asked" || !run) return;
      delete this.#restoring[live.lab];
      this.notice = follower.replayed(this.progress.labs[live.lab]?.state, live) ?? this.notice;
    }
    const { state, evidence, done } = follower.follow(live, (id) => this.done(id));
    this.evidence = evidence;
    for (const { id, note } of done) {
      this.progress.tasks[id] = { done: true, at: isoTime(now), evidence: state, note };
      this.announcement = `Task done: ${this.spec.tasks.find((t) => t.id === id)?.title ?? id}`;
    }
    // A state whose status changed (a pause, a divergence) is saved at once: a reload then shows where it stopped.
    const settled = this.progress.labs[state.lab]?.state.status !== state.status;
    this.progress.labs[state.lab] = { state, at: isoTime(now), run };
    if (done.length > 0 || settled || now - this.#lastLabSave >= SAVE_LAB_EVERY_MS) {
      this.#lastLabSave = now;
      this.#save(now);
    } else {
      // The lab may say nothing more (its last snapshot after a pause): this state is saved a moment later.
      this.#trailingSave ??= setTimeout(() => this.flush(), SAVE_LAB_EVERY_MS);
    }
  }

  /** Saves a lab state still waiting for the once-a-second limit (the page is going away: a reload, a closed tab). */
  flush(now: number = Date.now()): void {
    if (this.#trailingSave === null) return;
    clearTimeout(this.#trailingSave);
    this.#trailingSave = null;
    this.#lastLabSave = now;
    this.#save(now);
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
    this.#follower?.forget();
    this.evidence = {};
    this.notice = null;
    this.announcement = "Your answers for this assignment were erased.";
    this.#save(now);
  }

  /** What a task's report says: what completed it (done; progress saved before notes gives its step), or what the lab shows now. */
  taskEvidence(id: string): string {
    const saved = this.progress.tasks[id];
    if (saved?.done) return saved.note ?? `completed at step ${saved.evidence?.step ?? "?"}`;
    return this.evidence[id] ?? "not attempted";
  }

  /** The hand-in report of the work so far (its builder loads when first asked for). */
  async report(now: number = Date.now()): Promise<Report> {
    const { buildReport } = await import("./report.ts");
    return buildReport(this.slug, this.spec, this.#snapshot(), (id) => this.taskEvidence(id), now);
  }

  /**
   * The hand-in as a download would give it now, kept in handIn (the print shows its time and checksum). Built
   * again only when the work changed since, so a print and the file downloaded after it are the same report.
   */
  async refreshReport(now: number = Date.now()): Promise<Report> {
    const basis = JSON.stringify([this.#snapshot(), this.spec.tasks.map((t) => this.taskEvidence(t.id))]);
    if (this.handIn && basis === this.#handInOf) return this.handIn;
    const report = await this.report(now);
    this.handIn = report;
    this.#handInOf = basis;
    return report;
  }

  /** The report as a file to download: its name and its JSON text (the same report the print shows). */
  async reportFile(now: number = Date.now()): Promise<{ name: string; text: string }> {
    const [report, { reportFileName }] = await Promise.all([this.refreshReport(now), import("./report.ts")]);
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
