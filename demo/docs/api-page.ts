/**
 * The API page: every element the package exports, read from custom-elements.json at load time — summary,
 * description, attributes and properties, methods, events (with each event's class), slots, CSS parts and
 * custom properties — each next to a live example. Every event the manifest lists is logged as the examples
 * fire it, so a reader sees which user action fires what.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import manifest from '../../custom-elements.json';
import { publicElements, type ElementApi, type ManifestItem } from '../../scripts/manifest-api.mjs';
import { liveExample } from './live-examples.js';
import { inline, prose } from './prose.js';

const elements = publicElements(manifest);

const code = (text: string | undefined) => (text ? html`<code>${text}</code>` : nothing);

function table(caption: string, heads: string[], rows: (TemplateResult | string | typeof nothing)[][]): TemplateResult {
  if (rows.length === 0) return html`<h3>${caption}</h3><p class="none">None.</p>`;
  return html`
    <div class="table-scroll">
      <table>
        <caption>${caption}</caption>
        <thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map(([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
      </table>
    </div>`;
}

/** Attributes and properties in one table: an attribute is the same property, set from HTML. */
function propertiesTable(el: ElementApi): TemplateResult {
  const attributeOf = new Map(el.attributes.map((a) => [a.fieldName ?? a.name, a.name]));
  return table('Properties and attributes', ['Property', 'Attribute', 'Type', 'Default', 'Description'],
    el.properties.map((p: ManifestItem) => [
      code(p.name), code(attributeOf.get(p.name)), code(p.type?.text), code(p.default), html`${inline(p.description)}`]));
}

function methodsTable(el: ElementApi): TemplateResult {
  return table('Methods', ['Method', 'Parameters', 'Returns', 'Description'], el.methods.map((m) => [
    code(`${m.name}()`),
    html`${(m.parameters ?? []).map((p) => html`<code>${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}</code> `)}`,
    code(m.return?.type?.text),
    html`${inline(m.description)}`,
  ]));
}

function section(el: ElementApi): TemplateResult {
  const id = el.tagName;
  return html`
    <section class="element" id=${id} aria-labelledby=${`${id}-title`}>
      <h2 id=${`${id}-title`}><code>&lt;${el.tagName}&gt;</code></h2>
      <p class="class-name">Class <code>${el.name}</code>, exported by <code>lead-kanban</code>.</p>
      ${prose(el.summary)}
      <div class="live" role="group" aria-label=${`Live example of ${el.tagName}`}>${liveExample(el.tagName)}</div>
      ${prose(el.description)}
      ${propertiesTable(el)}
      ${methodsTable(el)}
      ${table('Events', ['Event', 'Class', 'Description'],
        el.events.map((e) => [code(e.name), code(e.className), html`${inline(e.description)}`]))}
      ${table('Slots', ['Slot', 'Description'], el.slots.map((s) => [code(s.name || '(default)'), html`${inline(s.description)}`]))}
      ${table('CSS parts', ['Part', 'Description'], el.cssParts.map((p) => [code(p.name), html`${inline(p.description)}`]))}
      ${table('CSS custom properties', ['Property', 'Description'],
        el.cssProperties.map((p) => [code(p.name), html`${inline(p.description)}`]))}
    </section>`;
}

render(html`<ul>${elements.map((el) => html`<li><a href=${`#${el.tagName}`}><code>&lt;${el.tagName}&gt;</code></a></li>`)}</ul>`,
  document.querySelector<HTMLElement>('#nav')!);
render(html`${elements.map(section)}`, document.querySelector<HTMLElement>('#reference')!);

// The event log: one listener per event name the manifest lists, on the page (the events bubble and compose).
const log = document.querySelector('#event-log')!;
const logged = new Set(elements.flatMap((el) => el.events.map((e) => `${e.name} ${e.className}`)));
for (const key of logged) {
  const [name, className] = key.split(' ') as [string, string];
  document.querySelector('#reference')!.addEventListener(name, (event) => {
    const source = (event.composedPath().find((n) => n instanceof HTMLElement && elements.some((e) => e.tagName === n.localName)) as HTMLElement | undefined)?.localName;
    // Built node by node: the page requires Trusted Types for script sinks, and innerHTML is one.
    const item = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = name;
    const from = document.createElement('span');
    from.textContent = `${className} from <${source ?? 'page'}>`;
    item.append(code, ' ', from);
    log.prepend(item);
    document.querySelector<HTMLElement>('#event-log-empty')!.hidden = true;
    while (log.children.length > 30) log.lastElementChild!.remove();
  });
}
