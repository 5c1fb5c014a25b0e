/** The box of input space that decision-boundary grids cover (a leaf module: views import it without the probe). */

/** Half-width of the default plotting box: clean data spans [−1, 1]², plus room for noise. */
export const GRID_EXTENT = 1.25;

/** A rectangle of input space. */
export interface GridBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** [−GRID_EXTENT, GRID_EXTENT]². */
export const DEFAULT_GRID_BOUNDS: Readonly<GridBounds> = Object.freeze({
  xMin: -GRID_EXTENT,
  xMax: GRID_EXTENT,
  yMin: -GRID_EXTENT,
  yMax: GRID_EXTENT,
});
