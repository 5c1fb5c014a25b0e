/** Saving a file the page made: a download of a Blob (nothing leaves the browser). Browser only. */

/** Offers `blob` to the reader as the download `name`. */
export function download(name: string, blob: Blob): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download at once; the URL is kept a moment for browsers that read it later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
