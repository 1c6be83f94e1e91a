// Build plugin for shipped files: collapses the indentation inside Lit's html`...` and svg`...` literals.
// Templates are written indented across lines; a JavaScript minifier keeps template text as it is, so every
// line break and its indentation reached the browser (about 3 kB of a minified board).
//
// The rewrite is the one HTML rendering cannot tell apart: a run of whitespace that contains a line break
// becomes one space. Text nodes stay where they were (a whitespace-only node stays, as " "), bindings and
// attributes are untouched apart from such runs, and runs on a single line are left alone. Templates that
// hold <pre>, <textarea>, <style> or <script>, or a quoted attribute value that spans lines (a title's line
// break shows in its tooltip), are skipped whole: their whitespace can be content. So is a run right after a
// backslash (a line continuation). Literals are found with TypeScript's parser, so an expression inside ${} is
// never mistaken for template text.
import ts from 'typescript';

const TAGS = new Set(['html', 'svg']);
const WHITESPACE_SENSITIVE = /<(pre|textarea|style|script)\b/i;
/** An attribute value opened by a quote that meets a line break before its closing quote. */
const VALUE_WITH_BREAK = /=\s*(["'])(?:(?!\1)[^\n])*\n/;
const BROKEN_RUN = /(?<!\\)[ \t]*\n\s*/g;

/**
 * The code with html``/svg`` template text collapsed, or null when nothing changed.
 * @param {string} code TypeScript or JavaScript source
 * @param {string} fileName for the parser (its extension picks TS or JS)
 */
export function collapseTemplateWhitespace(code, fileName) {
  if (!code.includes('html`') && !code.includes('svg`')) return null;
  const kind = /\.tsx?$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.ES2022, true, kind);
  /** [start, end) of template text to rewrite, in source order. */
  const spans = [];

  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [[template.getStart(source) + 1, template.end - 1]]
        : [
            [template.head.getStart(source) + 1, template.head.end - 2],
            ...template.templateSpans.map(({ literal }) => [
              literal.getStart(source) + 1,
              literal.end - (ts.isTemplateTail(literal) ? 1 : 2),
            ]),
          ];
      // The text as HTML sees it, an expression standing in as "${}" (it may sit inside an attribute value).
      const text = parts.map(([start, end]) => code.slice(start, end)).join('${}');
      if (!WHITESPACE_SENSITIVE.test(text) && !VALUE_WITH_BREAK.test(text)) spans.push(...parts);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += code.slice(last, start) + code.slice(start, end).replace(BROKEN_RUN, ' ');
    last = end;
  }
  out += code.slice(last);
  return out === code ? null : out;
}

/** @returns {import('vite').Plugin} */
export function minifyHtmlLiterals() {
  return {
    name: 'lead-kanban:minify-html-literals',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
      const collapsed = collapseTemplateWhitespace(code, id);
      return collapsed === null ? null : { code: collapsed, map: null };
    },
  };
}
