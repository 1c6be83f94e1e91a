/**
 * The bench's floor: the same board workload written by hand as plain DOM, the fastest reasonable way to
 * show it — one pass grouping the leads by status, a sort per column, one style sheet for the page, and per
 * column only the cards in (or two rows beyond) the viewport, with a spacer for the rest. Each card shows what
 * the board's card shows: name, company, value (one Intl formatter for all) and the assignee (initials and
 * name, or "Unassigned"). Cold figures of the board are reported as ratios to this page's, measured in the
 * same bench run on the same machine (see cold-bench.ts), so the figures hold while absolute ms move.
 * floor-lit.ts renders the same from the same data path with Lit, for what the framework costs by itself.
 */
import type { Lead, LeadAdapter, Member } from '../../../sdk/index.js';

/** The board's card pitch (card height + gap) and overscan, so both pages render the same number of rows. */
export const PITCH = 112;
export const OVERSCAN = 2;
const HEADER = 56;

export const FLOOR_STYLE = `
.floor { display: flex; gap: 12px; height: 100vh; padding: 12px; box-sizing: border-box; font: 14px/1.4 system-ui, sans-serif; background: #f6f7f9; color: #1f2328; }
.floor-col { flex: 1 1 220px; min-width: 220px; display: flex; flex-direction: column; background: #eef0f3; border-radius: 8px; }
.floor-head { display: flex; justify-content: space-between; padding: 12px; font-weight: 600; }
.floor-scroll { flex: 1; overflow-y: auto; padding: 0 8px; }
.floor-list { position: relative; }
.floor-card { position: absolute; left: 0; right: 0; height: 104px; box-sizing: border-box; padding: 10px 12px; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; overflow: hidden; }
.floor-name { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.floor-company { color: #57606a; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.floor-foot { display: flex; justify-content: space-between; align-items: center; margin-top: 6px; }
.floor-avatar { display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 50%; font-size: 10px; font-weight: 600; background: #dbe4f7; margin-inline-end: 6px; }
`;

export const STATUSES = [
  ['new', 'New'],
  ['contacted', 'Contacted'],
  ['qualified', 'Qualified'],
  ['proposal', 'Proposal'],
  ['won', 'Won'],
  ['lost', 'Lost'],
] as const;

/** Made in an idle period after this module loads, as the board makes its formatters (src/shared/format.ts). */
let money: Intl.NumberFormat | undefined;
export const makeMoney = () => (money ??= new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }));
requestIdleCallback(() => makeMoney(), { timeout: 200 });

const byPosition = (a: Lead, b: Lead) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function initials(name: string): string {
  const parts = name.split(' ');
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

export interface FloorTimes {
  /** The adapter's lists, grouped and sorted. */
  loaded: number;
}

/** What both floors render: the members by id and each status's leads in card order. */
export interface FloorData {
  names: ReadonlyMap<string, Member>;
  columns: ReadonlyMap<string, Lead[]>;
}

/** Rows per column: the viewport's (below the column header) and two beyond its lower edge. */
export const floorRows = () => Math.ceil((window.innerHeight - HEADER) / PITCH) + OVERSCAN;

/** Loads through the adapter, groups the leads by status and sorts each column: the floors' "load" (marked `cold:data`). */
export async function loadFloor(adapter: LeadAdapter, now: () => number): Promise<FloorData & FloorTimes> {
  const [, members, leads] = await Promise.all([adapter.me(), adapter.listMembers(), adapter.listLeads()]);
  const names = new Map<string, Member>(members.map((m) => [m.id, m]));
  const columns = new Map<string, Lead[]>(STATUSES.map(([key]) => [key, []]));
  for (const lead of leads) columns.get(lead.status)?.push(lead);
  for (const list of columns.values()) list.sort(byPosition);
  const loaded = now();
  performance.mark('cold:data');
  return { names, columns, loaded };
}

/** Loads through the adapter and renders the floor board into `host`; returns when its DOM is built. */
export async function renderFloor(adapter: LeadAdapter, host: HTMLElement, now: () => number): Promise<FloorTimes> {
  const { names, columns, loaded } = await loadFloor(adapter, now);

  const style = document.createElement('style');
  style.textContent = FLOOR_STYLE;
  document.head.append(style);
  const format = makeMoney();
  // One card's elements, parsed once and cloned per card.
  const template = document.createElement('template');
  template.innerHTML =
    '<article class="floor-card"><div class="floor-name"></div><div class="floor-company"></div><div class="floor-foot"><span></span><span><span class="floor-avatar"></span><span></span></span></div></article>';
  const board = document.createElement('div');
  board.className = 'floor';
  const rows = floorRows();
  for (const [key, label] of STATUSES) {
    const cards = columns.get(key)!;
    const col = document.createElement('section');
    col.className = 'floor-col';
    col.setAttribute('aria-label', label);
    const head = document.createElement('div');
    head.className = 'floor-head';
    head.textContent = `${label} ${cards.length}`;
    const scroll = document.createElement('div');
    scroll.className = 'floor-scroll';
    const list = document.createElement('div');
    list.className = 'floor-list';
    list.style.height = `${cards.length * PITCH}px`;
    const show = (start: number) => {
      list.replaceChildren();
      const end = Math.min(cards.length, start + rows + OVERSCAN);
      for (let i = Math.max(0, start - OVERSCAN); i < end; i++) list.append(card(cards[i]!, i));
    };
    const card = (lead: Lead, i: number) => {
      const el = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
      el.style.top = `${i * PITCH}px`;
      const assignee = lead.assigneeId ? names.get(lead.assigneeId) : undefined;
      const [name, company, foot] = el.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
      name.textContent = lead.name;
      company.textContent = lead.company ?? '';
      const [value, who] = foot.children as unknown as [HTMLElement, HTMLElement];
      value.textContent = format.format(lead.value ?? 0);
      (who.firstChild as HTMLElement).textContent = assignee ? initials(assignee.name) : '';
      (who.lastChild as HTMLElement).textContent = assignee?.name ?? 'Unassigned';
      return el;
    };
    scroll.addEventListener('scroll', () => show(Math.floor(scroll.scrollTop / PITCH)), { passive: true });
    show(0);
    scroll.append(list);
    col.append(head, scroll);
    board.append(col);
  }
  host.append(board);
  return { loaded };
}
