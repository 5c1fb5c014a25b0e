/**
 * The "Save the whole course" box on the home page (SaveCourse.astro), loaded when the page is: it shows the
 * course's size, saves on a press with a progress bar, and says plainly what happened. Text only through
 * textContent: nothing from the list or the network becomes markup.
 */
import {
  megabytes,
  missingFiles,
  readOfflineList,
  saveCourse,
  SaveProblem,
  type SaveEnvironment,
} from "./save-course.ts";
import type { OfflineList } from "../../integrations/offline-files.ts";

/** How long to wait for the service worker, which serves the saved pages, before saying it is not there. */
const WORKER_WAIT_MS = 10_000;

/** The box's parts, found by their data attributes. */
interface Parts {
  button: HTMLButtonElement;
  size: HTMLElement;
  bar: HTMLProgressElement;
  status: HTMLElement;
}

function parts(root: HTMLElement): Parts | null {
  const button = root.querySelector<HTMLButtonElement>("[data-save-course]");
  const size = root.querySelector<HTMLElement>("[data-save-size]");
  const bar = root.querySelector<HTMLProgressElement>("[data-save-progress]");
  const status = root.querySelector<HTMLElement>("[data-save-status]");
  return button && size && bar && status ? { button, size, bar, status } : null;
}

/** Resolves when a service worker controls this site's pages; rejects after WORKER_WAIT_MS. */
function workerReady(): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new SaveProblem(NO_WORKER)), WORKER_WAIT_MS);
    navigator.serviceWorker.ready.then(() => {
      clearTimeout(timer);
      resolve();
    }, reject);
  });
}

const NO_WORKER =
  "The part of the site that serves saved pages (its service worker) did not start in this browser, so the course cannot be saved here.";

const UNSUPPORTED =
  "This browser cannot keep the course offline at this address: it needs a secure address (https://, or localhost) and service workers allowed.";

/** Wires the box: reads the list, shows the size, and saves when the button is pressed. */
export async function mountSaveCourse(root: HTMLElement, base: string): Promise<void> {
  const ui = parts(root);
  if (!ui) return;
  const say = (text: string, problem = false) => {
    ui.status.textContent = text;
    ui.status.classList.toggle("problem", problem);
  };
  if (!("serviceWorker" in navigator) || !("caches" in window)) {
    say(UNSUPPORTED, true);
    return;
  }
  const env: SaveEnvironment = { fetch: (url, init) => fetch(url, init), caches, storage: navigator.storage };
  let list: OfflineList;
  try {
    const response = await fetch(`${base}offline-files.json`, { cache: "no-cache" });
    if (!response.ok) throw new SaveProblem(`The list of the course's files did not load (HTTP ${response.status}).`);
    list = readOfflineList(await response.json(), base);
  } catch (error) {
    say(
      error instanceof SaveProblem ? error.message : "The list of the course's files did not load: are you online?",
      true,
    );
    return;
  }
  ui.size.textContent = `${megabytes(list.bytes)}, ${list.files.length} files`;
  ui.button.disabled = false;
  // A reader who saved before sees so (a new build of the site is a new list, saved afresh).
  const missing = await missingFiles(list, env).catch(() => list.files);
  if (missing.length === 0) {
    say(`Saved: the whole course (${megabytes(list.bytes)}) opens offline in this browser, labs included.`);
    root.dataset.saved = "true";
  } else if (missing.length < list.files.length) {
    say(
      `${list.files.length - missing.length} of ${list.files.length} files are saved already; press the button to save the rest.`,
    );
  }

  ui.button.addEventListener("click", async () => {
    ui.button.disabled = true;
    ui.bar.hidden = false;
    ui.bar.removeAttribute("value");
    say("Getting ready…");
    try {
      await workerReady();
      const result = await saveCourse(list, env, (p) => {
        ui.bar.max = p.totalBytes;
        ui.bar.value = p.bytes;
        say(`Saving… ${p.files} of ${p.totalFiles} files, ${megabytes(p.bytes)} of ${megabytes(p.totalBytes)}.`);
      });
      if (result.failed.length > 0) {
        const saved = list.files.length - result.failed.length;
        say(
          `Saving stopped: ${saved} of ${list.files.length} files are saved, ${result.failed.length} did not download (is the network still there?). Press the button again to save the rest.`,
          true,
        );
      } else {
        say(`Saved: the whole course (${megabytes(list.bytes)}) opens offline in this browser, labs included.`);
        root.dataset.saved = "true";
      }
    } catch (error) {
      say(error instanceof SaveProblem ? error.message : `Saving stopped: ${String(error)}`, true);
    } finally {
      ui.button.disabled = false;
    }
  });
}
