// `vite build demo/react` (or `vite --config demo/react/vite.config.ts`): the React example, no React plugin
// needed. Vite's transformer compiles the JSX (automatic runtime); React 19 itself handles custom elements.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { packageAliases } from '../package-aliases.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: packageAliases },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { target: 'es2022' },
});
