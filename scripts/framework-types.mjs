// Writes the framework typings shipped in the package from custom-elements.json: `types/react.d.ts` (React 19
// JSX: properties and `on<event>` handlers) and `types/vue.d.ts` (Vue 3 `GlobalComponents`: typed templates).
// With --check it fails when the committed files are not what the manifest gives now (part of `npm test`).
//
// Every type is a reference into the elements' own declarations (`LeadKanban['columns']`, `LeadOpenEvent`),
// never a copy: the manifest says which tags, properties and events exist; TypeScript says what they are.
// (custom-element-jsx-integration and custom-element-vuejs-integration, tried first, typed our
// events as `CustomEvent<never>`: the manifest names events, not their classes; and they include internal tags.)
import { readFileSync, writeFileSync } from 'node:fs';
import { publicElements } from './manifest-api.mjs';

const elements = publicElements(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
if (elements.length === 0) throw new Error('custom-elements.json lists no element exported by src/index.ts');

/** A JSDoc line from the manifest's text: its first paragraph, on one line. */
const doc = (text, indent) => (text ? `${indent}/** ${text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim()} */\n` : '');
const header = (what) =>
  `// Generated from custom-elements.json by scripts/framework-types.mjs (\`npm run analyze\`). Do not edit.\n// ${what}\n`;
const usedEventClasses = [...new Set(elements.flatMap((el) => el.events.map((e) => e.className)))]
  .filter((t) => t !== 'Event').sort();
const imports = `import type {\n${[...elements.map((e) => e.name), ...usedEventClasses].sort().map((n) => `  ${n},\n`).join('')}} from 'lead-kanban';\n`;

function react() {
  const blocks = elements.map((el) => {
    const props = el.properties.map((p) => `${doc(p.description, '    ')}    ${p.name}?: ${el.name}['${p.name}'];\n`);
    const events = el.events.map((e) =>
      `${doc(e.description, '    ')}    'on${e.name}'?: (event: ${e.className}) => void;\n`);
    return `${doc(el.summary || el.description, '  ')}  interface ${el.name}Props {\n${props.join('')}${events.join('')}  }\n`;
  });
  const tags = elements.map((el) =>
    `${doc(el.summary || el.description, '      ')}      '${el.tagName}': ElementProps<${el.name}, LeadKanbanJsx.${el.name}Props>;\n`);
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
    const props = el.properties.map((p) => `'${p.name}'`).join(' | ') || 'never';
    const events = el.events.map((e) => `${doc(e.description, '        ')}        '${e.name}': ${e.className};\n`);
    return `${doc(el.summary || el.description, '    ')}    '${el.tagName}': CustomElement<\n      ${el.name},\n      ${props},\n      {\n${events.join('')}      }\n    >;\n`;
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
