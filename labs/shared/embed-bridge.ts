/**
 * The embed bridge's messages (docs/embedding.md, docs/embed-messages.schema.json): what a lab on an embed page
 * (`/embed/<lab>/`) posts to the page that frames it, and the commands it takes from that page. Plain data both
 * ways, in one namespace and one version, so a host page can tell them from any other message it receives.
 *
 *   embed ──► host   ready { lab, commands }      once, when the lab takes commands
 *                    size  { lab, width, height } whenever the embed's content changes size
 *                    state { lab, status, step, loss, accuracies, summary }   as the lab trains (training labs)
 *   host  ──► embed  reset | play | pause         obeyed only as exactly { namespace, version, type }
 *
 * The embed posts with targetOrigin "*": it cannot know which site frames it, and nothing it says is secret (it is
 * what the lab shows on screen). It takes commands from any page that frames it, because a command does no more
 * than a visitor pressing the lab's own buttons. Anything else is ignored without a word: a message is compared
 * with known strings and numbers, never evaluated, parsed or shown.
 */
import type { LabState } from "./lab-state.ts";

/** The `namespace` field of every message, both ways. */
export const EMBED_NAMESPACE = "activation-labs";

/** The `version` field of every message: a host checks it, and the embed obeys only commands of this version. */
export const EMBED_VERSION = 1;

/** The commands a host may send, each what a visitor's press of the lab's Train, Pause or Reset button does. */
export const EMBED_COMMANDS = ["reset", "play", "pause"] as const;

/** A command a host may send. */
export type EmbedCommand = (typeof EMBED_COMMANDS)[number];

/** What every message carries. */
interface Envelope {
  namespace: typeof EMBED_NAMESPACE;
  version: typeof EMBED_VERSION;
}

/** Sent once, when the lab takes commands: a training lab once it has started, the activation explorer at once. */
export interface ReadyMessage extends Envelope {
  type: "ready";
  lab: string;
  /** The commands this lab obeys (none for the activation explorer, which does not train). */
  commands: EmbedCommand[];
}

/** Sent whenever the embed's content changes size: the iframe fits it at `height` CSS pixels. */
export interface SizeMessage extends Envelope {
  type: "size";
  lab: string;
  width: number;
  height: number;
}

/** A LabState with every number finite or null (a diverged run has NaN losses; JSON has no NaN). */
export type EmbedSummary = { [K in keyof LabState]: LabState[K] extends number ? number | null : LabState[K] };

/** Sent as a training lab trains (at most every STATE_INTERVAL_MS, and its last state always). */
export interface StateMessage extends Envelope {
  type: "state";
  lab: string;
  /** "idle", "running", "paused" or "diverged". */
  status: string;
  step: number;
  /** Training loss (null before the first measurement or when not finite). */
  loss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** The summary the classroom's task checks read (labs/shared/lab-state.ts). */
  summary: EmbedSummary;
}

/** A message the embed posts to its host. */
export type EmbedMessage = ReadyMessage | SizeMessage | StateMessage;

/** A command as a host sends it. */
export interface CommandMessage extends Envelope {
  type: EmbedCommand;
}

/** Shortest gap between two state messages: a host sees ten states a second, and always the last one. */
export const STATE_INTERVAL_MS = 100;

const COMMAND_KEYS = ["namespace", "version", "type"];

/**
 * Reads a message from the host: the command if it is exactly `{ namespace, version, type }` with this
 * namespace, this version and a known command, otherwise null (other sites' messages, strings, older or newer
 * versions, extra fields, anything malformed). Never throws, never looks further than those three fields.
 */
export function readCommand(data: unknown): EmbedCommand | null {
  try {
    if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
    const proto = Object.getPrototypeOf(data) as unknown;
    if (proto !== Object.prototype && proto !== null) return null;
    // Counted one by one, so a message with a million fields is turned away at its fourth.
    let fields = 0;
    for (const key in data) if (!COMMAND_KEYS.includes(key) || ++fields > COMMAND_KEYS.length) return null;
    if (fields !== COMMAND_KEYS.length) return null;
    const { namespace, version, type } = data as Record<string, unknown>;
    if (namespace !== EMBED_NAMESPACE || version !== EMBED_VERSION) return null;
    return (EMBED_COMMANDS as readonly unknown[]).includes(type) ? (type as EmbedCommand) : null;
  } catch {
    return null;
  }
}

/** The command message a host sends (for hosts written in TypeScript, and the tests). */
export function commandMessage(type: EmbedCommand): CommandMessage {
  return { namespace: EMBED_NAMESPACE, version: EMBED_VERSION, type };
}

/** The ready message of a lab, with the commands it obeys. */
export function readyMessage(lab: string, trains: boolean): ReadyMessage {
  return {
    namespace: EMBED_NAMESPACE,
    version: EMBED_VERSION,
    type: "ready",
    lab,
    commands: trains ? [...EMBED_COMMANDS] : [],
  };
}

/** The size message for content of `width` × `height` CSS pixels (rounded up, so the iframe never cuts a pixel). */
export function sizeMessage(lab: string, width: number, height: number): SizeMessage {
  const px = (v: number) => (Number.isFinite(v) && v > 0 ? Math.ceil(v) : 0);
  return {
    namespace: EMBED_NAMESPACE,
    version: EMBED_VERSION,
    type: "size",
    lab,
    width: px(width),
    height: px(height),
  };
}

const finite = (v: number | null): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The state message for a lab's summary (labState of its latest lab-state event). */
export function stateMessage(state: LabState): StateMessage {
  const summary = Object.fromEntries(
    Object.entries(state).map(([k, v]) => [k, typeof v === "number" ? finite(v) : v]),
  ) as EmbedSummary;
  return {
    namespace: EMBED_NAMESPACE,
    version: EMBED_VERSION,
    type: "state",
    lab: state.lab,
    status: state.status,
    step: summary.step ?? 0,
    loss: finite(state.trainLoss),
    trainAccuracy: finite(state.trainAccuracy),
    testAccuracy: finite(state.testAccuracy),
    summary,
  };
}
