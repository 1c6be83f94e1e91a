import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { isLeadKanbanElement, packageAliases } from './demo/package-aliases.js';
import { pageHeaders } from './demo/page-headers.js';
import { leadApiPlugin } from './demo/server/vite-plugin.js';
import { standaloneForHtmlExample } from './demo/standalone-plugin.js';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';
import { minifyHtmlLiterals } from './scripts/minify-html-literals.mjs';

// `npm start` serves the demo page (demo/index.html) on http://localhost:5173 (PORT to change).
export default defineConfig({
  root: 'demo',
  // The reference REST server under /api on the same origin (demo/server; DATABASE_URL or DATABASE_PATH, DEMO, …).
  // Built, the demo ships templates as the standalone build does (CSS minified, indentation collapsed), so the
  // end-to-end test on it (test/e2e/built-demo.test.ts) runs what hosts get; `npm start` serves the sources.
  // Security headers (a strict CSP on the pages) on what vite serves itself: demo/page-headers.ts.
  plugins: [leadApiPlugin(), pageHeaders(), { ...minifyCssLiterals(), apply: 'build' }, { ...minifyHtmlLiterals(), apply: 'build' },
    // The framework examples it links to (demo/react, demo/vue, demo/html; each also builds on its own).
    vue({ template: { compilerOptions: { isCustomElement: isLeadKanbanElement } } }), standaloneForHtmlExample()],
  resolve: { alias: packageAliases },
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    host: 'localhost',
  },
  preview: { port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
