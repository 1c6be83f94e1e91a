import { defineConfig } from 'vite';

// `npm start` serves the demo page (demo/index.html) on http://localhost:5173 (PORT to change).
export default defineConfig({
  root: 'demo',
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    host: 'localhost',
  },
  preview: { port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
