/**
 * Several TrainingLabs driven by one set of controls: the leader is the lab the shared LabShell and
 * TrainingControls talk to, and every command it receives (train, pause, step, reset, speed, learning
 * rate) is passed on to its followers, so all runs start, stop and step together.
 *
 *   TrainingControls ──toggle/step/reset/speed/lr──► leader ──same command──► follower₁, follower₂, …
 */
import { TrainingLab } from "../shared/training-lab.svelte.ts";

/** A TrainingLab that forwards its commands to followers (each has its own worker and run). */
export class LinkedTrainingLab extends TrainingLab {
  readonly followers: readonly TrainingLab[];

  constructor(
    spec: ConstructorParameters<typeof TrainingLab>[0],
    options: ConstructorParameters<typeof TrainingLab>[1],
    followers: readonly TrainingLab[],
  ) {
    super(spec, options);
    this.followers = followers;
  }

  /** All runs, leader first. */
  override get all(): TrainingLab[] {
    return [this, ...this.followers];
  }

  // reset() and toggle() are built on these, so they reach the followers too.
  override restart(): void {
    super.restart();
    for (const f of this.followers) f.restart();
  }

  override play(): void {
    super.play();
    for (const f of this.followers) f.play();
  }

  override pause(): void {
    super.pause();
    for (const f of this.followers) f.pause();
  }

  override stepOnce(): void {
    super.stepOnce();
    for (const f of this.followers) f.stepOnce();
  }

  override setSpeed(stepsPerSecond: number): void {
    super.setSpeed(stepsPerSecond);
    for (const f of this.followers) f.setSpeed(stepsPerSecond);
  }

  override setLearningRate(lr: number): void {
    super.setLearningRate(lr);
    for (const f of this.followers) f.setLearningRate(lr);
  }

  override dispose(): void {
    super.dispose();
    for (const f of this.followers) f.dispose();
  }
}
