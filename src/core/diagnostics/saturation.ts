/**
 * The course's saturation threshold: a unit is saturated on an example when |f′(z)| is below this, so a
 * gradient passing through it shrinks at least a hundredfold. One value, used by every lab, figure and lesson.
 * (A leaf module: pages that show the number load nothing else of the core.)
 */
export const SATURATION_THRESHOLD = 0.01;
