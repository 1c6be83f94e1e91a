/**
 * Spreading leads over members (preview, then apply exactly that plan as one batch) and undoing actions.
 * Both keep state of their own between commands: the tie rotation of distributions (kept in the host's
 * storage when given, so the first member in the list is not favoured after a reload) and the queue that
 * runs undos one after another, each planned against what the one before it left.
 */
import type { KeyValueStorage } from '../adapters/memory-database.js';
import type { DistributionPlan, DistributionStrategy } from '../distribute.js';
import { planDistribution } from '../distribute.js';
import type { MemberWithLoad } from '../schema.js';
import type { AssignmentGroup } from './assignment-batch.js';
import { assignGroups } from './lead-commands.js';
import type { StoreCore } from './store-core.js';
import type { AssignOutcome } from './types.js';
import { latePartsFor } from '../internal/late.js';

/** Where the store keeps the tie rotation of distributions (LeadStoreOptions.rotationStorage). */
const ROTATION_KEY = 'lead-kanban:distribution-rotation';


export class DistributionCommands {
  /** After whom the next distribution's ties start (see sdk/distribute.ts). */
  private rotation: string | undefined;
  /** Undos run one after another: each is planned against what the one before it left. */
  private undoQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly core: StoreCore, private readonly rotationStorage: KeyValueStorage | undefined) {
    try {
      this.rotation = rotationStorage?.getItem(ROTATION_KEY) ?? undefined;
    } catch {
      this.rotation = undefined;
    }
  }

  plan(leadIds: readonly string[], memberIds: readonly string[], strategy: DistributionStrategy): DistributionPlan {
    const { shown } = this.core;
    const known = leadIds.filter((id) => shown.has(id));
    const unknown = leadIds.filter((id) => !shown.has(id));
    const members = memberIds.map((id) => this.core.member(id)).filter((m): m is MemberWithLoad => m !== undefined);
    const plan = planDistribution(known, members, strategy, undefined, { after: this.rotation });
    plan.skipped.push(...new Set(unknown));
    return plan;
  }

  async apply(plan: DistributionPlan): Promise<AssignOutcome> {
    const groups = new Map<string, string[]>();
    for (const { leadId, memberId } of plan.assignments) {
      const group = groups.get(memberId);
      if (group) group.push(leadId);
      else groups.set(memberId, [leadId]);
    }
    const list: AssignmentGroup[] = [...groups].map(([assigneeId, ids]) => ({ assigneeId, leadIds: ids }));
    const outcome = await assignGroups(this.core, 'distribute', list, 'distribute', {
      assignee: groups.size === 1 ? [...groups.keys()][0]! : null,
    });
    if (outcome.ok.length > 0 && plan.rotation !== undefined) this.saveRotation(plan.rotation);
    outcome.skipped = [...plan.skipped];
    return outcome;
  }

  undo(actionId?: string): Promise<AssignOutcome | null> {
    const core = this.core;
    const run = this.undoQueue.then(async () => {
      // How an undo runs (undo-run.ts) is in the SDK's late chunk: most sessions never undo, and it weighs.
      const { runUndo } = await latePartsFor('undo');
      const record = core.undoHistory.take(actionId);
      if (!record) return null;
      try {
        return await runUndo(core.host, record);
      } finally {
        core.flush();
      }
    });
    this.undoQueue = run.catch(() => undefined);
    return run;
  }

  private saveRotation(memberId: string): void {
    this.rotation = memberId;
    try {
      this.rotationStorage?.setItem(ROTATION_KEY, memberId);
    } catch {
      // Storage full or disabled: the rotation still holds for this store's life.
    }
  }
}
