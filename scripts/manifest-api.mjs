// The public API of the elements as custom-elements.json describes it: which elements the package's entry
// exports, their settable properties, public methods, events (with the class each event is), slots, CSS
// parts and custom properties. One reading of the manifest for everything built from it: the framework
// typings (scripts/framework-types.mjs) and the API page (demo/docs/).

/** @param {any} manifest the parsed custom-elements.json */
export function publicElements(manifest) {
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  const entry = manifest.modules.find((m) => m.path === 'src/index.ts');
  // In the entry's export order (the board first), not the manifest's file order.
  const exported = (entry?.exports ?? []).map((e) => e.name);
  const eventClasses = eventClassNames(declarations);
  return declarations
    .filter((d) => d.customElement && d.tagName && exported.includes(d.name))
    .sort((a, b) => exported.indexOf(a.name) - exported.indexOf(b.name))
    .map((d) => ({
      name: d.name,
      tagName: d.tagName,
      summary: d.summary ?? '',
      description: d.description ?? '',
      attributes: d.attributes ?? [],
      // Properties a host may set: public, writable instance fields (attributes are the same properties).
      properties: (d.members ?? []).filter(
        (m) => m.kind === 'field' && !m.static && !m.readonly && !m.privacy && !m.name.startsWith('_')),
      methods: (d.members ?? []).filter(
        (m) => m.kind === 'method' && !m.static && !m.privacy && !m.name.startsWith('_') && !m.name.endsWith('Callback')),
      events: (d.events ?? []).map((e) => ({ ...e, className: eventClass(d.tagName, e, eventClasses) })),
      slots: d.slots ?? [],
      cssParts: d.cssParts ?? [],
      cssProperties: d.cssProperties ?? [],
    }));
}

/** Event name → the class that is it, from each event class's `static eventName = '…'`. */
function eventClassNames(declarations) {
  const names = new Map();
  for (const d of declarations) {
    const field = d.kind === 'class' && d.members?.find((m) => m.static && m.name === 'eventName');
    if (field?.default) names.set(field.default.replace(/^['"]|['"]$/g, ''), d.name);
  }
  return names;
}

/** The event's class, or the DOM's `Event` for native events (`change`, `input`). */
function eventClass(tagName, event, classes) {
  const name = classes.get(event.name);
  if (name) return name;
  if (!event.name.startsWith('lead-')) return 'Event';
  throw new Error(`${tagName} fires ${event.name}, but no event class declares that eventName`);
}
