/**
 * The embed page's end of the bridge (messages: embed-bridge.ts). Started once by an embed page, it posts the
 * content's size and the lab's state to the page that frames it, and carries out that page's commands by pressing
 * the lab's own Train, Pause and Reset buttons, so a host can do exactly what a visitor can, no more. Outside a
 * frame it does nothing.
 *
 *   start ──► size (now and on every resize)
 *         ──► first lab-state event ──► ready ──► queued commands ──► state (≤ 10/s, the last always)
 *   message from the framing page ──► readCommand ──► press a button (before ready: queued, at most 8)
 */
import {
  readCommand,
  readyMessage,
  sizeMessage,
  stateMessage,
  STATE_INTERVAL_MS,
  type EmbedCommand,
  type EmbedMessage,
  type StateMessage,
} from "./embed-bridge.ts";
import { LAB_STATE_EVENT, type LabEvent } from "./lab-event.ts";
import { labState } from "./lab-state.ts";

/** What the bridge needs to know about its page. */
export interface BridgeOptions {
  /** The lab's id (its root element's data-lab). */
  lab: string;
  /** The element that holds everything the embed shows: its size is the size the iframe should have. */
  content: HTMLElement;
  /** Whether the lab trains: only a training lab takes commands and sends states. */
  trains: boolean;
}

/** Commands waiting for the lab to start, at most this many (a host that sends more before ready loses the oldest). */
const MAX_QUEUED = 8;

/** The button each command presses (TrainingControls' labels) and when pressing it does what the command asks. */
const BUTTONS: Record<EmbedCommand, { label: string; when: (status: string) => boolean }> = {
  play: { label: "Train", when: (status) => status !== "running" },
  pause: { label: "Pause", when: (status) => status === "running" },
  reset: { label: "Reset", when: () => true },
};

/** Presses the lab's button for a command, if the lab shows it and the command is not already done. */
function press(content: HTMLElement, lab: string, command: EmbedCommand): void {
  const root = content.querySelector<HTMLElement>(`[data-lab="${CSS.escape(lab)}"]`);
  const { label, when } = BUTTONS[command];
  if (!root || !when(root.dataset.status ?? "")) return;
  const buttons = root.querySelectorAll<HTMLButtonElement>("[data-training-bar] button");
  [...buttons].find((b) => b.textContent?.trim() === label)?.click();
}

/** Starts the bridge; returns a function that stops it. */
export function startEmbedBridge({ lab, content, trains }: BridgeOptions): () => void {
  if (window.parent === window) return () => {};
  const host = window.parent;
  const post = (message: EmbedMessage) => host.postMessage(message, "*");

  let lastSize = "";
  const resized = new ResizeObserver(() => {
    const { width, height } = content.getBoundingClientRect();
    const message = sizeMessage(lab, width, height);
    const key = `${message.width}×${message.height}`;
    if (key === lastSize) return;
    lastSize = key;
    post(message);
  });
  resized.observe(content);

  let ready = false;
  const queued: EmbedCommand[] = [];
  const onMessage = (event: MessageEvent) => {
    if (event.source !== host) return;
    const command = readCommand(event.data);
    if (!command || !trains) return;
    if (ready) press(content, lab, command);
    else if (queued.push(command) > MAX_QUEUED) queued.shift();
  };
  window.addEventListener("message", onMessage);

  let pending: StateMessage | null = null;
  let lastPost = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    post(pending);
    pending = null;
    lastPost = performance.now();
  };
  let maxDead = 0;
  const onState = (event: Event) => {
    const detail = (event as CustomEvent<LabEvent>).detail;
    if (detail?.lab !== lab) return;
    const state = labState(detail.lab, detail.status, detail.snapshot, maxDead);
    maxDead = state.maxDeadUnits;
    if (!ready) {
      ready = true;
      post(readyMessage(lab, true));
      // Pressed after this event has been handled, once the lab has drawn the state it reports.
      queueMicrotask(() => queued.splice(0).forEach((command) => press(content, lab, command)));
    }
    pending = stateMessage(state);
    if (timer !== undefined) return;
    const wait = lastPost + STATE_INTERVAL_MS - performance.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
  if (trains) content.addEventListener(LAB_STATE_EVENT, onState);
  else post(readyMessage(lab, false));

  return () => {
    resized.disconnect();
    window.removeEventListener("message", onMessage);
    content.removeEventListener(LAB_STATE_EVENT, onState);
    clearTimeout(timer);
  };
}
