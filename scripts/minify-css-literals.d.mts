import type { Plugin } from 'vite';
/** Minifies the CSS inside Lit's css`...` literals of src/ (shipped builds: standalone and the demo). */
export function minifyCssLiterals(): Plugin;
