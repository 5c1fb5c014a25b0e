/** Hands the browser a text as a file to download (nothing is sent anywhere). */

/** Downloads `text` as a file named `name`. */
export function saveFile(name: string, text: string, type = "application/json"): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** A file name made of a title: "Shock and recover" → "shock-and-recover". */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "assignment"
  );
}
