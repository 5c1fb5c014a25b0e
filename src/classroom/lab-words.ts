/** How the classroom names what a lab shows, in sentences for students and teachers. */
import { offWord } from "../../labs/index.ts";

export { offWord };

/** An activation's name in a sentence ("ReLU", "Leaky ReLU"; others as the labs' ids name them). */
export function activationName(hidden: string): string {
  return hidden === "relu" ? "ReLU" : hidden === "leaky-relu" ? "Leaky ReLU" : hidden;
}

/** A share as a percentage with one decimal ("97.3%"), or "?" when not measured. */
export function percent(share: number | null): string {
  return share === null ? "?" : `${Math.round(share * 1000) / 10}%`;
}
