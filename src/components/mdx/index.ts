import Aside from "./Aside.astro";
import ComputedFigure from "./ComputedFigure.astro";
import Exercise from "./Exercise.astro";
import Figure from "./Figure.astro";
import Lab from "./Lab.astro";
import Predict from "./Predict.astro";
import Tex from "./Tex.astro";

/** The components a lesson may use without importing them. */
export const mdxComponents = { Aside, ComputedFigure, Exercise, Figure, Lab, Predict, Tex };
