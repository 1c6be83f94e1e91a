/**
 * React 19 usage of the generated JSX types (lead-kanban/react): properties and `on<event>` handlers typed
 * from the elements themselves. Wrong usage below must stay an error (`@ts-expect-error` fails when it is not).
 */
import type {} from 'lead-kanban/react';
import type { LeadKanban } from 'lead-kanban';
import { MemoryAdapter } from 'lead-kanban/sdk/memory';
import { useRef, type ReactElement } from 'react';
import { expectType, type Equal } from './assert.js';

export function Board(): ReactElement {
  const ref = useRef<LeadKanban>(null);
  return (
    <>
      <lead-kanban
        ref={ref}
        adapter={MemoryAdapter.seeded({ leads: 20 })}
        columns={[{ key: 'new', label: 'New' }, { key: 'won', label: 'Won' }]}
        className="board"
        onlead-open={(event) => expectType<Equal<typeof event.leadId, string>>()}
        onlead-assign={(event) => expectType<Equal<typeof event.detail.outcome.conflict, string[]>>()}
        onlead-request-move={(event) => event.preventDefault()}
        onlead-selection-change={(event) => expectType<Equal<typeof event.selectedIds, readonly string[]>>()}
      />
      <lead-kanban api="/api" token="secret" />
      <lead-drawer leadId="l1" open onlead-request-close={(event) => event.source === 'escape' && event.preventDefault()} />
      <assign-picker value={null} name="owner" disabled={false} onchange={(event) => expectType<Equal<typeof event, Event>>()} />

      {/* @ts-expect-error columns must be a column list */}
      <lead-kanban columns={5} />
      {/* @ts-expect-error lead-open carries `leadId`, not `detail` */}
      <lead-kanban onlead-open={(event) => event.detail} />
      {/* @ts-expect-error the handler gets a LeadAssignEvent, whose detail has no `count` */}
      <lead-kanban onlead-assign={(event) => event.detail.count} />
      {/* @ts-expect-error the picker's value is a member id or null */}
      <assign-picker value={3} />
      {/* @ts-expect-error lead-drawer's `open` is a boolean */}
      <lead-drawer open="yes" />
      {/* @ts-expect-error no such element */}
      <lead-kanbn />
    </>
  );
}
