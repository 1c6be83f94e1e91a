import type { Plugin } from 'vite';
/** The source with the line-broken whitespace runs of its html``/svg`` literals collapsed, or null if unchanged. */
export function collapseTemplateWhitespace(code: string, fileName: string): string | null;
/** Collapses the indentation inside Lit's html`...`/svg`...` literals of src/ (shipped builds only). */
export function minifyHtmlLiterals(): Plugin;
