import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { assemble, BYTES_MODULE, bytesModule, WAT } from "./build-wasm.ts";

it("tiles-bytes.ts holds exactly what tiles.wat assembles to (run npm run build:wasm after editing the .wat)", async () => {
  const bytes = await assemble(readFileSync(WAT, "utf8"));
  expect(readFileSync(BYTES_MODULE, "utf8")).toBe(bytesModule(bytes));
});
