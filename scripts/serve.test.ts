import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "./serve.ts";

/** GET a raw request path (not normalised by a URL parser): the status, or the socket error. */
function get(base: string, path: string): Promise<number | string> {
  const { hostname, port } = new URL(base);
  return new Promise((done) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on("error", (e) => done(e.message));
    req.end();
  });
}

describe("the preview server", () => {
  let url = "";
  let close = async () => {};
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "serve-"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>ok</title>");
    const started = await serveStatic({ root, port: 0 });
    url = started.url;
    close = () => new Promise((done) => started.server.close(() => done()));
  });
  afterAll(() => close());

  it("answers a malformed percent-encoding (GET /%E0%A4%A) with 400 and keeps serving", async () => {
    expect(await get(url, "/%E0%A4%A")).toBe(400);
    expect(await get(url, "/")).toBe(200);
  });
});
