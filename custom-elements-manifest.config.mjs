// `npm run analyze` writes custom-elements.json from the manifest JSDoc of src/; `npm test` checks it is current.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  // Do not rewrite package.json's "customElements" (it would point at a scratch output folder).
  packagejson: false,
};
