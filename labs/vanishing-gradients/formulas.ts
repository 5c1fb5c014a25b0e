/** The chain rule along one path, in TeX, rendered by KaTeX at build time (the reader's numbers sit beside it as text). */
export const PATH_TEX = String.raw`\begin{gathered}\left.\frac{\partial a_D}{\partial x_1}\right|_{\text{one path}} = \prod_{l=1}^{D} f'(z_l)\,w_l \\ \text{with } w_l = W_l[j_{l-1},\, j_l]\end{gathered}`;
