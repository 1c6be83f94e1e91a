/** Manifest text (JSDoc) as page content: paragraphs at blank lines, `backticks` as code. Lit escapes the text. */
import { html, type TemplateResult } from 'lit';

export function inline(text: string | undefined): (string | TemplateResult)[] {
  return (text ?? '').split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));
}

export function prose(text: string | undefined): TemplateResult[] {
  return (text ?? '').split(/\n\s*\n/).filter((p) => p.trim()).map((p) => html`<p>${inline(p.replace(/\s+/g, ' '))}</p>`);
}
