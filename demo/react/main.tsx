/**
 * React 19 example: the board as a plain JSX tag. React 19 sets custom-element props as properties (so
 * `adapter` receives the object) and `onlead-assign` listens to the `lead-assign` event; both are typed by
 * `lead-kanban/react`, generated from the elements' manifest.
 */
import type {} from 'lead-kanban/react';
import 'lead-kanban';
import type { LeadAssignEvent, LeadKanban } from 'lead-kanban';
import { MemoryAdapter } from 'lead-kanban/sdk/memory';
import { StrictMode, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  // One in-browser backend with demo data; on your own backend: `api="/api" token={token}` or `adapter={yours}`.
  const adapter = useMemo(() => MemoryAdapter.seeded({ leads: 60 }), []);
  const board = useRef<LeadKanban>(null);
  const [lastAssignment, setLastAssignment] = useState('No assignment yet');

  function onAssign(event: LeadAssignEvent) {
    const { assigneeId, outcome } = event.detail;
    const who = assigneeId ? board.current?.store?.member(assigneeId)?.name : 'nobody';
    setLastAssignment(`${outcome.ok.length} assigned to ${who ?? assigneeId}`);
  }

  return (
    <>
      <header className="example-bar">
        <h1>lead-kanban in React 19</h1>
        <p role="status" id="last-assignment">{lastAssignment}</p>
        <a href="../">Back to the demo</a>
      </header>
      <lead-kanban ref={board} adapter={adapter} onlead-assign={onAssign} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
