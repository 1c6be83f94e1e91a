// `npm run analyze` writes custom-elements.json from the manifest JSDoc of src/; `npm test` checks it is current.

/**
 * The design tokens every element reads are documented once, as `@cssproperty` tags on `tokens`
 * (src/shared/tokens.styles.ts); an element whose JSDoc says `@themetokens` gets them in its manifest entry,
 * before its own `@cssproperty` tags (an own tag of the same name wins). One list, not three copies.
 */
function sharedTokens() {
  const shared = [];
  const themed = new Set();
  const jsDocText = (node) => (node.jsDoc ?? []).map((doc) => doc.getText()).join('\n');
  return {
    name: 'lead-kanban-shared-tokens',
    analyzePhase({ ts, node }) {
      if (ts.isVariableStatement(node) && node.declarationList.declarations.some((d) => d.name.getText() === 'tokens')) {
        for (const [, name, description] of jsDocText(node).matchAll(/@cssproperty\s+(--[\w-]+)\s+-\s+(.*)/g)) {
          shared.push({ description: description.replace(/\s*\*?\/?\s*$/, ''), name });
        }
      }
      if (ts.isClassDeclaration(node) && node.name && /@themetokens\b/.test(jsDocText(node))) themed.add(node.name.getText());
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        if (!themed.has(declaration.name)) continue;
        const own = declaration.cssProperties ?? [];
        declaration.cssProperties = [...shared.filter((t) => !own.some((o) => o.name === t.name)), ...own];
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  // Do not rewrite package.json's "customElements" (it would point at a scratch output folder).
  packagejson: false,
  plugins: [sharedTokens()],
};
