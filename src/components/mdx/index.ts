import Aside from "./Aside.astro";
import Figure from "./Figure.astro";
import Lab from "./Lab.astro";
import Tex from "./Tex.astro";

/** The components a lesson may use without importing them. */
export const mdxComponents = { Aside, Figure, Lab, Tex };
