import type { ActivationName } from "../../src/core/index.ts";

/**
 * Each activation and its derivative in TeX, rendered by KaTeX at build time (α is the reader's slider). A derivative
 * with two forms takes two lines, so it fits a 360 px phone.
 */
export const ACTIVATION_TEX: Record<ActivationName, { f: string; df: string }> = {
  step: {
    f: String.raw`f(x)=\begin{cases}1 & x>0\\ 0 & x\le 0\end{cases}`,
    df: String.raw`f'(x)=0\ \ (x\ne 0)`,
  },
  identity: {
    f: String.raw`f(x)=x`,
    df: String.raw`f'(x)=1`,
  },
  sigmoid: {
    f: String.raw`\sigma(x)=\frac{1}{1+e^{-x}}`,
    df: String.raw`\begin{aligned}\sigma'(x)&=\sigma(x)\bigl(1-\sigma(x)\bigr)\\&=\sigma(x)\,\sigma(-x)\end{aligned}`,
  },
  tanh: {
    f: String.raw`\tanh(x)=\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}`,
    df: String.raw`\begin{aligned}\tanh'(x)&=1-\tanh^2(x)\\&=\operatorname{sech}^2(x)\end{aligned}`,
  },
  relu: {
    f: String.raw`f(x)=\max(0,x)`,
    df: String.raw`f'(x)=\begin{cases}1 & x>0\\ 0 & x\le 0\end{cases}`,
  },
  "leaky-relu": {
    f: String.raw`f(x)=\max(\alpha x,x)`,
    df: String.raw`f'(x)=\begin{cases}1 & x>0\\ \alpha & x\le 0\end{cases}`,
  },
  elu: {
    f: String.raw`f(x)=\begin{cases}x & x>0\\ \alpha(e^{x}-1) & x\le 0\end{cases}`,
    df: String.raw`f'(x)=\begin{cases}1 & x>0\\ \alpha e^{x} & x\le 0\end{cases}`,
  },
  gelu: {
    f: String.raw`f(x)=x\,\Phi(x)`,
    df: String.raw`f'(x)=\Phi(x)+x\,\varphi(x)`,
  },
  silu: {
    f: String.raw`f(x)=x\,\sigma(x)`,
    df: String.raw`f'(x)=\sigma(x)\bigl(1+x\,(1-\sigma(x))\bigr)`,
  },
};
