import type { Plugin } from 'vite';
/** Minifies the CSS inside Lit's css`...` literals of src/ (standalone builds only). */
export function minifyCssLiterals(): Plugin;
