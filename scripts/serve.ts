/**
 * A small static file server for the built site:
 * `node scripts/serve.ts [dir] [--base /course/] [--port 4321] [--headers]`.
 * Loopback only, no dependencies. Used by `npm run preview` and the end-to-end tests; any static
 * server works just as well for hosting (see README). With --headers it sends the rules of the
 * build's `_headers` file, as Netlify or Cloudflare Pages would (src/integrations/headers.ts).
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { headersFor, parseHeaders, type HeaderRule } from "../src/integrations/headers-file.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
};

/** The request's path, percent-decoded; null when it cannot be decoded (`/%E0%A4%A` is not UTF-8). */
function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
  } catch {
    return null;
  }
}

/**
 * Options for a static server: the folder, the URL path it is mounted at, the port (0 = any free one),
 * and whether to send the headers the folder's `_headers` file asks for.
 */
export interface ServeOptions {
  root: string;
  base?: string;
  port?: number;
  headers?: boolean;
}

/** Starts serving `root` under `base` on 127.0.0.1; resolves with the server and its address. */
export async function serveStatic({
  root,
  base = "/",
  port = 4321,
  headers = false,
}: ServeOptions): Promise<{ server: Server; url: string }> {
  const rootDir = resolve(root);
  const mount = base.endsWith("/") ? base : `${base}/`;
  const rules: HeaderRule[] = headers ? parseHeaders(await readFile(join(rootDir, "_headers"), "utf8")) : [];
  const server = createServer(async (req, res) => {
    const path = decodedPath(req.url);
    if (path === null) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request: malformed address");
      return;
    }
    for (const [name, value] of Object.entries(headersFor(rules, path))) res.setHeader(name, value);
    if (!path.startsWith(mount)) {
      res.writeHead(path === "/" ? 302 : 404, path === "/" ? { location: mount } : {}).end("Not found");
      return;
    }
    let file = normalize(join(rootDir, path.slice(mount.length)));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!path.endsWith("/")) {
          res.writeHead(301, { location: `${path}/` }).end();
          return;
        }
        file = join(file, "index.html");
        info = await stat(file);
      }
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": "no-cache",
      });
      createReadStream(file).pipe(res);
    } catch {
      const notFound = join(rootDir, "404.html");
      const exists = await stat(notFound).then(
        () => true,
        () => false,
      );
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      if (exists) createReadStream(notFound).pipe(res);
      else res.end("Not found");
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actualPort}${mount}` };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const valued = new Set(["--base", "--port"]);
  const root = args.find((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? "")) ?? "dist";
  const base = argValue(args, "--base") ?? process.env.BASE_PATH ?? "/";
  const port = Number(argValue(args, "--port") ?? process.env.PORT ?? 4321);
  const headers = args.includes("--headers");
  const { url } = await serveStatic({ root, base, port, headers });
  console.log(`Serving ${root} at ${url}${headers ? " with the headers of its _headers file" : ""}  (Ctrl+C to stop)`);
}
