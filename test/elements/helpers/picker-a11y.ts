/** Reads Chromium's accessibility tree (roles and computed names, through shadow roots) in tests. */
import { a11ySnapshot } from '@web/test-runner-commands';

export interface AxNode {
  role: string;
  name: string;
  value?: string | number;
  description?: string;
  expanded?: boolean;
  selected?: boolean;
  focused?: boolean;
  modal?: boolean;
  children?: AxNode[];
}

export async function axTree(): Promise<AxNode> {
  return (await a11ySnapshot({})) as unknown as AxNode;
}

/** Every node under `node` (included) passing `test`, in tree order. */
export function axFindAll(node: AxNode, test: (n: AxNode) => boolean): AxNode[] {
  const found: AxNode[] = [];
  const walk = (n: AxNode) => {
    if (test(n)) found.push(n);
    for (const child of n.children ?? []) walk(child);
  };
  walk(node);
  return found;
}

/** Nodes of the page with this role (and name, when given). */
export async function axAll(role: string, name?: string): Promise<AxNode[]> {
  return axFindAll(await axTree(), (n) => n.role === role && (name === undefined || n.name === name));
}

/**
 * The name an element gets from its content (accname "name from content"): its text without aria-hidden
 * parts. Used for options, whose list the snapshot above prunes (it treats a named popup listbox as a leaf).
 */
export function nameFromContent(el: Element): string {
  if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label')!.trim();
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') node.childNodes.forEach(walk);
  };
  el.childNodes.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
