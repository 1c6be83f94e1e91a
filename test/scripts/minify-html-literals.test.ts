/**
 * The build's html``/svg`` whitespace collapse (scripts/minify-html-literals.mjs): what it collapses, and
 * everything it must leave exactly as written because HTML or JavaScript could tell the difference.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collapseTemplateWhitespace, minifyHtmlLiterals } from '../../scripts/minify-html-literals.mjs';

const collapse = (code: string, fileName = 'src/x.ts') => collapseTemplateWhitespace(code, fileName);
/** The code comes back unchanged: the function says so with null. */
const untouched = (code: string, fileName?: string) => assert.equal(collapse(code, fileName), null, code);

describe('collapseTemplateWhitespace: what it collapses', () => {
  test('each run of whitespace holding a line break becomes one space, never nothing', () => {
    const code = 'const view = html`\n  <ul>\n    <li>${first}</li>\n\n    <li>second</li>\n  </ul>\n`;';
    assert.equal(collapse(code), 'const view = html` <ul> <li>${first}</li> <li>second</li> </ul> `;');
  });

  test('a break between inline elements stays a space, so the words do not run together', () => {
    assert.equal(collapse('html`<b>Dana</b>\n      <i>Ruiz</i>`'), 'html`<b>Dana</b> <i>Ruiz</i>`');
  });

  test('svg templates too, and tags spread over lines with their bindings', () => {
    assert.equal(collapse('svg`<g>\n  <path d="M0 0h4"></path>\n</g>`'), 'svg`<g> <path d="M0 0h4"></path> </g>`');
    assert.equal(
      collapse('html`<input\n    .value=${value}\n    ?disabled=${off}\n  />`'),
      'html`<input .value=${value} ?disabled=${off} />`',
    );
  });

  test('templates nested in an expression are collapsed on their own', () => {
    assert.equal(
      collapse('html`<div>\n  ${ok ? html`<b>\n    yes</b>` : nothing}\n</div>`'),
      'html`<div> ${ok ? html`<b> yes</b>` : nothing} </div>`',
    );
  });

  test('JavaScript files are parsed as JavaScript', () => {
    assert.equal(collapse('export const v = html`<b>\n  x</b>`;', 'src/x.js'), 'export const v = html`<b> x</b>`;');
  });
});

describe('collapseTemplateWhitespace: what it keeps', () => {
  test('runs on one line, inside text and attribute values alike', () => {
    untouched('html`<p title="Lead  owner" class="a   b">Two  spaces   here</p>`');
  });

  test('the code inside ${}: its own line breaks, and a plain template literal with significant indentation', () => {
    const out = collapse('html`<div>\n  ${items.map(\n      (item) => `${item}\n      indented`,\n    )}\n</div>`');
    assert.equal(out, 'html`<div> ${items.map(\n      (item) => `${item}\n      indented`,\n    )} </div>`');
  });

  test('a template holding <pre>, <textarea>, <style> or <script> (any case) is left whole', () => {
    untouched('html`<pre>\n  line one\n    line two</pre>`');
    untouched('html`<PRE>\n  kept</PRE>\n`');
    untouched('html`<label>Note\n  <textarea>\n  draft</textarea></label>`');
    untouched('html`<style>\n  p { color: red; }\n</style>\n<p>x</p>`');
    untouched('html`<script type="application/json">\n  {"a": 1}\n</script>`');
    // Only the template that holds it: the outer one is collapsed, the nested <pre> kept.
    assert.equal(collapse('html`<div>\n  ${html`<pre>\n  keep</pre>`}\n</div>`'), 'html`<div> ${html`<pre>\n  keep</pre>`} </div>`');
    // A tag whose name only starts with "pre" is not a <pre>.
    assert.equal(collapse('html`<preview-card>\n  a</preview-card>`'), 'html`<preview-card> a</preview-card>`');
  });

  test('a template with a quoted attribute value spanning lines is left whole (a title shows its line break)', () => {
    untouched('html`<p title="First line\n  second line">\n  x</p>`');
    untouched("html`<p title='Two\n  lines'>x</p>`");
    untouched('html`<p title="${name}\n  and more">x</p>`');
    untouched('html`<p title="don\'t\n  stop">x</p>`');
    // Apostrophes and quotes in text, or values that close on their line, do not count.
    assert.equal(collapse('html`<p class="a" title=\'b\'>don\'t\n  stop</p>`'), 'html`<p class="a" title=\'b\'>don\'t stop</p>`');
  });

  test('a line continuation (backslash before the break) keeps its break', () => {
    untouched('html`one \\\n    two`');
  });

  test('other tags, member tags, strings and comments that look like templates', () => {
    untouched('css`a {\n  color: red; }`; lit.html`<b>\n  x</b>`; myhtml`<b>\n  x</b>`;');
    untouched("const s = 'html`\\n   x`'; // html`\n   y`");
    untouched('const a = 1;');
    untouched('html`<b>one line</b>`');
  });
});

describe('minifyHtmlLiterals: the build plugin', () => {
  const transform = minifyHtmlLiterals().transform as (code: string, id: string) => { code: string; map: null } | null;
  test('rewrites the TypeScript sources of src/ only', () => {
    const code = 'html`<b>\n  x</b>`';
    assert.deepEqual(transform(code, '/repo/src/lead-card.ts'), { code: 'html`<b> x</b>`', map: null });
    assert.equal(transform(code, '/repo/sdk/store.ts'), null);
    assert.equal(transform(code, '/repo/node_modules/lit/index.js'), null);
    assert.equal(transform('const a = 1;', '/repo/src/a.ts'), null);
  });
});
