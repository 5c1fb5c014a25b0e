import { describe, expect, it } from "vitest";
import { controllerKey, sharedController, shareController } from "./island-controllers.ts";

describe("island controllers", () => {
  it("an island reads the controller its lab shared under the lab's key, and no other lab's", () => {
    const first = { name: "first sandbox" };
    const second = { name: "second sandbox" };
    shareController(controllerKey("sandbox", "sb"), first);
    shareController(controllerKey("sandbox", "sb2"), second);
    expect(sharedController(controllerKey("sandbox", "sb"))).toBe(first);
    expect(sharedController(controllerKey("sandbox", "sb2"))).toBe(second);
    expect(sharedController(controllerKey("dying-relu", "sb"))).toBeNull();
  });

  it("a lab that mounts again replaces its controller: the island reads the live one", () => {
    const built = { name: "build-time" };
    const live = { name: "hydrated" };
    shareController(controllerKey("sandbox", "sb"), built);
    shareController(controllerKey("sandbox", "sb"), live);
    expect(sharedController(controllerKey("sandbox", "sb"))).toBe(live);
  });
});
