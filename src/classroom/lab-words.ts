/** How the classroom names what a lab shows, in sentences for students and teachers. */
// Straight from its module, not labs/index.ts: the assignment page loads this lazily, and the index would bring
// the labs' interface chunk (and its stylesheet) with it.
import { offWord } from "../../labs/shared/off-word.ts";

export { offWord };

/** An activation's name in a sentence ("ReLU", "Leaky ReLU"; others as the labs' ids name them). */
export function activationName(hidden: string): string {
  return hidden === "relu" ? "ReLU" : hidden === "leaky-relu" ? "Leaky ReLU" : hidden;
}

/** A share as a percentage with one decimal ("97.3%"), or "?" when not measured. */
export function percent(share: number | null): string {
  return share === null ? "?" : `${Math.round(share * 1000) / 10}%`;
}

/** A lab's results as a report has them, e.g. "step 463, loss 0.1234, training accuracy 97.3%, test accuracy 95%". */
export function labResults(s: {
  step: number;
  trainLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}): string {
  return (
    `step ${s.step}, loss ${s.trainLoss?.toPrecision(4) ?? "?"}, training accuracy ${percent(s.trainAccuracy)}` +
    (s.testAccuracy === null ? "" : `, test accuracy ${percent(s.testAccuracy)}`)
  );
}
