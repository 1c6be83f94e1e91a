// Writes the framework typings shipped in the package from custom-elements.json: `types/react.d.ts` (React 19
// JSX: properties and `on<event>` handlers) and `types/vue.d.ts` (Vue 3 `GlobalComponents`: typed templates).
// With --check it fails when the committed files are not what the manifest gives now (part of `npm test`).
//
// Every type is a reference into the elements' own declarations (`LeadKanban['columns']`, `LeadOpenEvent`),
// never a copy: the manifest says which tags, properties and events exist; TypeScript says what they are.
// custom-element-jsx-integration and custom-element-vuejs-integration were tried first: they type our
// events as `CustomEvent<never>` (the manifest's events carry names, not classes) and include internal tags.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, module: m.path })));

/** The elements of the public entry: custom elements whose class src/index.ts exports. */
const entry = manifest.modules.find((m) => m.path === 'src/index.ts');
const exported = new Set((entry?.exports ?? []).map((e) => e.name));
const elements = declarations.filter((d) => d.customElement && d.tagName && exported.has(d.name));
if (elements.length === 0) throw new Error('custom-elements.json lists no element exported by src/index.ts');

/** Event name → the class that fires it, from each event class's `static eventName = '…'`. */
const eventClasses = new Map();
for (const d of declarations) {
  const field = d.kind === 'class' && d.members?.find((m) => m.static && m.name === 'eventName');
  if (field?.default) eventClasses.set(field.default.replace(/^['"]|['"]$/g, ''), d.name);
}

/** Properties a host may set: public, writable, instance fields (attributes are the same properties). */
const properties = (el) =>
  (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && !m.privacy && !m.name.startsWith('_'));

/** The type of an event's object: its class, or the DOM's Event for native ones (`change`, `input`). */
function eventType(el, event) {
  const cls = eventClasses.get(event.name);
  if (cls) return cls;
  if (event.type?.text === 'Event' || !event.name.startsWith('lead-')) return 'Event';
  throw new Error(`${el.tagName} fires ${event.name}, but no event class declares that eventName`);
}

/** A JSDoc line from the manifest's text: its first paragraph, on one line. */
const doc = (text, indent) => (text ? `${indent}/** ${text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim()} */\n` : '');
const header = (what) =>
  `// Generated from custom-elements.json by scripts/framework-types.mjs (\`npm run analyze\`). Do not edit.\n// ${what}\n`;
const usedEventClasses = [...new Set(elements.flatMap((el) => (el.events ?? []).map((e) => eventType(el, e))))]
  .filter((t) => t !== 'Event').sort();
const imports = `import type {\n${[...elements.map((e) => e.name), ...usedEventClasses].sort().map((n) => `  ${n},\n`).join('')}} from 'lead-kanban';\n`;

function react() {
  const blocks = elements.map((el) => {
    const props = properties(el).map((p) => `${doc(p.description, '    ')}    ${p.name}?: ${el.name}['${p.name}'];\n`);
    const events = (el.events ?? []).map((e) =>
      `${doc(e.description, '    ')}    'on${e.name}'?: (event: ${eventType(el, e)}) => void;\n`);
    return `${doc(el.summary ?? el.description, '  ')}  interface ${el.name}Props {\n${props.join('')}${events.join('')}  }\n`;
  });
  const tags = elements.map((el) =>
    `${doc(el.summary ?? el.description, '      ')}      '${el.tagName}': ElementProps<${el.name}, LeadKanbanJsx.${el.name}Props>;\n`);
  return `${header('React 19 JSX for the elements: `import type {} from \'lead-kanban/react\'` once in a project.')}` +
    `// React 19 sets a custom element's props as properties (objects included) and adds \`on<event>\` props as\n` +
    `// listeners of exactly that event name: \`onlead-open\` listens to \`lead-open\`, \`onchange\` to \`change\`.\n` +
    `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n${imports}\n` +
    `/** The element's own properties and events, in place of React's HTML props of the same names. */\n` +
    `type ElementProps<E, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & Own;\n\n` +
    `export declare namespace LeadKanbanJsx {\n${blocks.join('\n')}}\n\n` +
    `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n${tags.join('')}    }\n  }\n}\n`;
}

function vue() {
  const tags = elements.map((el) => {
    const props = properties(el).map((p) => `'${p.name}'`).join(' | ') || 'never';
    const events = (el.events ?? []).map((e) => `${doc(e.description, '        ')}        '${e.name}': ${eventType(el, e)};\n`);
    return `${doc(el.summary ?? el.description, '    ')}    '${el.tagName}': CustomElement<\n      ${el.name},\n      ${props},\n      {\n${events.join('')}      }\n    >;\n`;
  });
  return `${header('Vue 3 template types for the elements: `import type {} from \'lead-kanban/vue\'` once in a project.')}` +
    `// Tell Vue's compiler the tags are custom elements (\`compilerOptions.isCustomElement\`); Vue then sets\n` +
    `// known properties as properties, and \`@lead-open\` listens to the \`lead-open\` event.\n` +
    `import type { AllowedComponentProps, EmitFn, HTMLAttributes, VNodeProps } from 'vue';\n${imports}\n` +
    `/** A custom element as a template component: its chosen properties as props, its events as emits. */\n` +
    `type CustomElement<E, Props extends keyof E, Events extends Record<string, Event>> = new () => E & {\n` +
    `  /** @deprecated For template type checking only; not a property of the element. */\n` +
    `  $props: HTMLAttributes & Partial<Pick<E, Props>> & AllowedComponentProps & VNodeProps;\n` +
    `  /** @deprecated For template type checking only; not a property of the element. */\n` +
    `  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;\n};\n\n` +
    `declare module 'vue' {\n  interface GlobalComponents {\n${tags.join('')}  }\n}\n`;
}

const files = { 'types/react.d.ts': react(), 'types/vue.d.ts': vue() };
if (process.argv.includes('--check')) {
  const stale = Object.entries(files).filter(([path, text]) => {
    try {
      return readFileSync(path, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    console.error(`${stale.map(([p]) => p).join(', ')} stale: run \`npm run analyze\` and commit.`);
    process.exitCode = 1;
  } else {
    console.log('types/react.d.ts and types/vue.d.ts match custom-elements.json.');
  }
} else {
  for (const [path, text] of Object.entries(files)) writeFileSync(path, text);
  console.log(`wrote ${Object.keys(files).join(', ')}`);
}
