/**
 * The styling surface in custom-elements.json is the one the code has: every `--lead-*` custom property the
 * styles read is declared on the elements that honour it, and nothing else is; every `part` a template
 * renders is a documented `@csspart`, and nothing else is. An element honours what the sources of its own
 * folder read (src/lead-kanban/ for the board, …) plus what the shared styles read (src/shared/, included by
 * every element).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { publicElements } from '../../scripts/manifest-api.mjs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = publicElements(manifest);

const FOLDERS: Record<string, string> = {
  'lead-kanban': 'src/lead-kanban',
  'lead-drawer': 'src/lead-drawer',
  'assign-picker': 'src/assign-picker',
};

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(folder, file), 'utf8'));
}

const matches = (texts: string[], pattern: RegExp) => new Set(texts.flatMap((text) => [...text.matchAll(pattern)].map((m) => (m[1] ?? m[2])!)));
/** Custom properties read: `var(--lead-…`. */
const READ = /var\(\s*(--lead-[\w-]+)/g;
/**
 * Parts rendered: `part="a b"` in a template, or `part: 'a b'` among the attributes of an element made by hand
 * (card-dom.ts).
 */
const PART = /\bpart(?:="([^"$]+)"|: '([^'$]+)')/g;
const sorted = (set: Iterable<string>) => [...set].sort();
const shared = sources('src/shared');

describe('custom-elements.json: styling', () => {
  test('the manifest lists the three public elements', () => {
    assert.deepEqual(sorted(elements.map((e) => e.tagName)), sorted(Object.keys(FOLDERS)));
  });

  for (const [tag, folder] of Object.entries(FOLDERS)) {
    const own = sources(folder);
    const element = elements.find((e) => e.tagName === tag)!;

    test(`<${tag}>: @cssproperty lists exactly the --lead-* properties its styles read`, () => {
      const read = new Set([...matches(own, READ), ...matches(shared, READ)]);
      assert.deepEqual(sorted(element.cssProperties.map((p: { name: string }) => p.name)), sorted(read));
      for (const p of element.cssProperties) assert.ok((p.description?.length ?? 0) > 3, `${tag} ${p.name} has a description`);
    });

    test(`<${tag}>: @csspart lists exactly the parts its templates render`, () => {
      const rendered = new Set(
        [...matches(own, PART), ...matches(shared, PART)].flatMap((names) => names.split(/\s+/)).filter(Boolean),
      );
      assert.deepEqual(sorted(element.cssParts.map((p: { name: string }) => p.name)), sorted(rendered));
      for (const p of element.cssParts) assert.ok((p.description?.length ?? 0) > 3, `${tag} part ${p.name} has a description`);
    });
  }

  test('the drawer passes on every part of its content (exportparts), so ::part reaches them', () => {
    const drawer = readFileSync('src/lead-drawer/lead-drawer.ts', 'utf8');
    const exported = /exportparts="([^"]+)"/.exec(drawer)?.[1]?.split(/,\s*/) ?? [];
    const declared = elements.find((e) => e.tagName === 'lead-drawer')!.cssParts.map((p: { name: string }) => p.name);
    assert.deepEqual(sorted(exported), sorted(declared));
  });
});
