/**
 * The live examples of the API page, one per element, on the in-memory backend with demo data: a board; a
 * drawer opened from a button (standalone, given a store); a picker (standalone, its value shown).
 */
import '../../src/index.js';
import type { AssignPicker, LeadDrawer } from '../../src/index.js';
import { LeadStore } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import { html, nothing, type TemplateResult } from 'lit';

const boardAdapter = MemoryAdapter.seeded({ leads: 40 });
/** The drawer's and the picker's examples share one store, loaded once. */
const store = new LeadStore(MemoryAdapter.seeded({ leads: 40, seed: 2 }));
const loaded = store.load();

async function openDrawer(event: Event) {
  await loaded;
  const drawer = (event.target as HTMLElement).closest('.live')!.querySelector<LeadDrawer>('lead-drawer')!;
  drawer.store = store;
  drawer.leadId = store.cardsIn('new')[0]!.id;
  drawer.show();
}

function showValue(event: Event) {
  const picker = event.target as AssignPicker;
  const output = picker.closest('.live')!.querySelector('output')!;
  output.textContent = picker.value ? `value = "${picker.value}" (${store.member(picker.value)?.name})` : 'value = null (Unassigned)';
}

export function liveExample(tag: string): TemplateResult | typeof nothing {
  switch (tag) {
    case 'lead-kanban':
      return html`<lead-kanban class="live-board" .adapter=${boardAdapter}></lead-kanban>`;
    case 'lead-drawer':
      return html`<button type="button" @click=${openDrawer}>Open a lead in a drawer</button><lead-drawer></lead-drawer>`;
    case 'assign-picker':
      return html`
        <assign-picker label="Owner" .store=${store} .value=${null} @change=${showValue}></assign-picker>
        <output>value = null (Unassigned)</output>`;
    default:
      return nothing;
  }
}
