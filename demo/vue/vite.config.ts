// `vite build demo/vue` (or `vite --config demo/vue/vite.config.ts`): the Vue example.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { isLeadKanbanElement, packageAliases } from '../package-aliases.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: packageAliases },
  // Without isCustomElement Vue would look for components named LeadKanban and warn.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isLeadKanbanElement } } })],
  build: { target: 'es2022' },
});
