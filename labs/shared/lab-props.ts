/** The props every lab takes: from a lesson through Lab.astro to the lab's Embed.astro, and on to its view. */
import type { Encoded, StaticSnapshot } from "./static-snapshot.ts";

/** What a lesson gives a lab (Lab.astro has already turned a named preset into settings and its intro). */
export interface EmbedProps {
  /** Settings by the lab's schema keys. */
  preset?: Record<string, unknown>;
  /** The lab's address prefix when a page embeds it more than once. */
  urlKey?: string;
  /** What to do and watch for in this preset (shown instead of the lab's general intro). */
  intro?: string;
  /** The lab is the whole page (its embed and gallery pages): a lab that otherwise waits for the reader's first use hydrates when seen. */
  eager?: boolean;
}

/** What a training lab's view receives: the embed's props and the build-time snapshot of its first run. */
export interface LabViewProps extends EmbedProps {
  initial?: Encoded<StaticSnapshot> | null;
}
