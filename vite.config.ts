import { defineConfig } from 'vite';
import { leadApiPlugin } from './demo/server/vite-plugin.js';

// `npm start` serves the demo page (demo/index.html) on http://localhost:5173 (PORT to change).
export default defineConfig({
  root: 'demo',
  // The reference REST server under /api on the same origin (demo/server; DATABASE_PATH, DEMO, CORS_ORIGINS).
  plugins: [leadApiPlugin()],
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    host: 'localhost',
  },
  preview: { port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { outDir: '../dist/demo', emptyOutDir: true, target: 'es2022' },
});
