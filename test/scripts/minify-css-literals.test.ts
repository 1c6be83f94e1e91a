/**
 * The build's css`` minifier (scripts/minify-css-literals.mjs): which literals it rewrites, what esbuild's
 * minification keeps in them, and the literals it must leave alone because putting the result back between
 * backticks would change what Lit receives.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minifyCssLiterals } from '../../scripts/minify-css-literals.mjs';

const plugin = minifyCssLiterals();
const transform = plugin.transform as (code: string, id: string) => Promise<{ code: string; map: null } | null>;
const minify = async (code: string) => (await transform(code, '/repo/src/lead-kanban/lead-kanban.styles.ts'))?.code;

describe('minifyCssLiterals', () => {
  test('drops comments and indentation; values with significant spaces keep them', async () => {
    const code = [
      'export const styles = css`',
      '  /* a card */',
      '  :host {',
      '    display: block;',
      '    font-family: "Open   Sans", sans-serif;',
      '    --lead-gap:  8px  12px;',
      '  }',
      "  .card::after { content: '  a  b  '; }",
      '  @media (max-width: 600px) {',
      '    .card { padding: 4px 4px; }',
      '  }',
      '`;',
    ].join('\n');
    assert.equal(
      await minify(code),
      'export const styles = css`:host{display:block;font-family:"Open   Sans",sans-serif;--lead-gap: 8px 12px}' +
        '.card:after{content:"  a  b  "}@media(max-width:600px){.card{padding:4px}}`;',
    );
  });

  test('lowers no syntax: nesting and logical properties stay as written', async () => {
    assert.equal(
      await minify('css`.card {\n  inset-inline: 0;\n  &:hover { color: red; }\n}`'),
      'css`.card{inset-inline:0;&:hover{color:red}}`',
    );
  });

  test('characters outside ASCII stay as they are (a CSS escape inside a template literal would not)', async () => {
    assert.equal(
      await minify("css`.a::before { content: '→ …'; }\n.b { font-family: 'Müller Sans'; }`"),
      'css`.a:before{content:"→ …"}.b{font-family:Müller Sans}`',
    );
  });

  test('literals with ${} or escapes are left exactly as written, the others in the file still minified', async () => {
    const withExpression = 'css`:host { width: ${unsafeCSS(width)}px; }`';
    const withEscape = 'css`.a::before { content: "\\2014"; }`';
    const code = `${withExpression};\n${withEscape};\nconst b = css\`.b {\n  color: red;\n}\`;`;
    assert.equal(await minify(code), `${withExpression};\n${withEscape};\nconst b = css\`.b{color:red}\`;`);
  });

  test('the code around the literals is kept byte for byte', async () => {
    const code = "import { css } from 'lit';\n// styles\nexport const a = css`a { color: red; }`, b = 1;\n";
    assert.equal(await minify(code), "import { css } from 'lit';\n// styles\nexport const a = css`a{color:red}`, b = 1;\n");
  });

  test('rewrites the TypeScript sources of src/ only, and files holding css`', async () => {
    const code = 'css`a { color: red; }`';
    assert.deepEqual(await transform(code, '/repo/src/x.styles.ts'), { code: 'css`a{color:red}`', map: null });
    assert.equal(await transform(code, '/repo/sdk/x.ts'), null);
    assert.equal(await transform(code, '/repo/src/x.js'), null);
    assert.equal(await transform('const a = 1;', '/repo/src/a.ts'), null);
  });
});
