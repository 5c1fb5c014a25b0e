/**
 * SVG → PNG at build time, with sharp (librsvg), which Astro installs for its own image service: no network, no
 * browser. A missing or broken sharp fails the build with what to do, since the icons and the link preview
 * need it.
 */
type SharpFactory = typeof import("sharp").default;

let loaded: Promise<SharpFactory> | null = null;

function loadSharp(): Promise<SharpFactory> {
  loaded ??= import("sharp").then(
    (module) => module.default,
    (error: unknown) => {
      throw new Error(
        "The build draws the site's icons and link preview with sharp, which npm installs with Astro; it could not be loaded. Run npm install (with optional dependencies) and build again.",
        { cause: error },
      );
    },
  );
  return loaded;
}

/** The PNG of an SVG whose root has width and height in pixels (the PNG's size). */
export async function svgToPng(svg: string): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
