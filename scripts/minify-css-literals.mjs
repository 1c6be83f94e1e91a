// Build plugin for the standalone files: minifies the CSS inside Lit's css`...` literals (the board's styles are
// a fifth of its minified size, mostly indentation and comments, which no JavaScript minifier touches).
// Only literals without ${} or escapes are rewritten, each by esbuild's CSS minifier with no syntax lowering,
// so the rules the browser parses are the same. Characters outside ASCII are kept as they are (esbuild would
// write them as CSS escapes, "\2192", which inside a template literal is an invalid escape or a different
// character), and a minified text that holds a backslash, a backtick or "${" is not used: the literal stays.
// Used for the standalone files and the built demo; not for dist/lib: that build keeps sources readable with
// source maps, and this rewrite would shift them.
import { transform } from 'esbuild';

const LITERAL = /\bcss`([^`$\\]*)`/g;
/** What would end the literal, start an expression or an escape once put back between backticks. */
const UNSAFE_IN_TEMPLATE = /[`\\]|\$\{/;

/** @returns {import('vite').Plugin} */
export function minifyCssLiterals() {
  return {
    name: 'lead-kanban:minify-css-literals',
    async transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      let out = '';
      let last = 0;
      for (const match of code.matchAll(LITERAL)) {
        const minified = await transform(match[1], { loader: 'css', minify: true, target: 'esnext', charset: 'utf8' });
        const text = minified.code.trim();
        out += `${code.slice(last, match.index)}css\`${UNSAFE_IN_TEMPLATE.test(text) ? match[1] : text}\``;
        last = match.index + match[0].length;
      }
      return { code: out + code.slice(last), map: null };
    },
  };
}
