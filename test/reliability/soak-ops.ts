/**
 * The random user actions of the fault soak, each one store command as a person would run it from the board
 * (assign, bulk assign, distribute, move, edit, note, undo), and what became of it: acknowledged, refused
 * in part (conflicts), or failed — and whether the store told the user (a notice) when it was not a success.
 */
import { seesAll, type AssignOutcome, type Lead, type LeadStore, type StoreNotice } from '../../sdk/index.js';

export const OPERATION_KINDS = ['assign', 'bulk_assign', 'distribute', 'move', 'edit', 'note', 'undo'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** The store command behind each kind, as named in its notices. */
const COMMAND: Record<OperationKind, StoreNotice['command']> = {
  assign: 'assign', bulk_assign: 'assign', distribute: 'distribute', move: 'move', edit: 'update', note: 'addNote',
  undo: 'undo',
};

export interface Operation {
  kind: OperationKind;
  leadIds: string[];
  /** ok: acknowledged whole; partial: some leads refused (conflict, gone); failed: nothing applied; skipped: nothing to do. */
  result: 'ok' | 'partial' | 'failed' | 'skipped';
  conflicts: number;
  /** A note's text (unique per operation) and, when acknowledged, its id. */
  note?: { text: string; id?: string };
  /** An acknowledged PATCH (move, edit): the lead as the server answered it. */
  written?: Lead;
  /** Not a success, and a notice of the command said so. */
  reported: boolean;
}

export interface OperationContext {
  store: LeadStore;
  random: () => number;
  /** Unique per run and operation, for note texts and names. */
  tag: string;
  /** Notices of this store, in order. */
  notices: StoreNotice[];
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

function visibleLeads(store: LeadStore): Lead[] {
  return store.columns.flatMap((c) => store.cardsIn(c.key));
}

/**
 * Whom to assign to. A member mostly takes leads or lets them go (a lead she hands to someone else leaves
 * her board for good); an admin hands them to anyone, her included, which keeps both boards busy.
 */
function assignee(store: LeadStore, members: readonly string[], random: () => number): string | null {
  const me = store.me;
  const roll = random();
  if (me && !seesAll(me)) return roll < 0.6 ? me.id : roll < 0.85 ? null : pick(members, random);
  return roll < 0.15 ? null : pick(members, random);
}

function fromOutcome(outcome: AssignOutcome): Pick<Operation, 'result' | 'conflicts'> {
  const refused = outcome.conflict.length + outcome.forbidden.length + outcome.notFound.length;
  if (outcome.error) return { result: 'failed', conflicts: outcome.conflict.length };
  return { result: refused > 0 ? (outcome.ok.length > 0 ? 'partial' : 'failed') : 'ok', conflicts: outcome.conflict.length };
}

/** Runs one random action on the store and tells what became of it. */
export async function runOperation(ctx: OperationContext, kind: OperationKind): Promise<Operation> {
  const { store, random, tag } = ctx;
  const leads = visibleLeads(store);
  const members = store.assignableMembers.map((m) => m.id);
  const noticesBefore = ctx.notices.length;
  let op: Operation = { kind, leadIds: [], result: 'skipped', conflicts: 0, reported: false };
  if (leads.length === 0 || members.length === 0) return op;
  try {
    switch (kind) {
      case 'assign':
      case 'bulk_assign': {
        const chosen = sample(leads, kind === 'assign' ? 1 : 2 + Math.floor(random() * 7), random);
        const to = assignee(store, members, random);
        op.leadIds = chosen.map((l) => l.id);
        op = { ...op, ...fromOutcome(await store.assign(op.leadIds, to, { source: kind === 'assign' ? 'manual' : 'bulk' })) };
        break;
      }
      case 'distribute': {
        op.leadIds = sample(leads, 3 + Math.floor(random() * 8), random).map((l) => l.id);
        const to = sample(members, 2 + Math.floor(random() * 2), random);
        op = { ...op, ...fromOutcome(await store.distribute(op.leadIds, to, random() < 0.5 ? 'even' : 'capacity')) };
        break;
      }
      case 'undo': {
        const outcome = await store.undo();
        if (!outcome) return op;
        op.leadIds = [...outcome.ok, ...outcome.conflict, ...outcome.forbidden, ...outcome.notFound];
        op = { ...op, ...fromOutcome(outcome) };
        break;
      }
      case 'move': {
        const lead = pick(leads, random);
        // Always to another column: card order alone is not history (sdk/history.ts), and a move within one
        // column sends its unchanged status too, so it would be a version step without a row that the proxy
        // cannot tell apart. The renumbering of neighbours a move into a full gap brings is place only: the
        // proxy counts it (FaultProxy.reorders).
        const column = pick(store.columns.filter((c) => c.key !== lead.status), random).key;
        op.leadIds = [lead.id];
        const moved = await store.move(lead.id, column, { index: Math.floor(random() * (store.countIn(column) + 1)) });
        op.result = 'ok';
        if (moved.version !== lead.version) op.written = moved;
        break;
      }
      case 'edit': {
        const lead = pick(leads, random);
        op.leadIds = [lead.id];
        const patch = random() < 0.5 ? { name: `Lead ${tag}` } : { value: Math.floor(random() * 100_000) + 1 };
        const edited = await store.update(lead.id, patch);
        op.result = 'ok';
        if (edited.version !== lead.version) op.written = edited;
        break;
      }
      case 'note': {
        const lead = pick(leads, random);
        op.leadIds = [lead.id];
        op.note = { text: `Soak note ${tag}` };
        const note = await store.addNote(lead.id, op.note.text);
        op.note.id = note.id;
        op.result = 'ok';
        break;
      }
    }
  } catch (error) {
    op.result = 'failed';
    if ((error as { code?: string }).code === 'conflict') op.conflicts = 1;
  }
  if (op.result === 'failed' || op.result === 'partial') {
    // A store runs one action at a time here, so a notice of this command since it began is about it.
    op.reported = ctx.notices.slice(noticesBefore).some((n) => n.command === COMMAND[kind] && n.kind !== 'success');
  }
  return op;
}
