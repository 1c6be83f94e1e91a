/**
 * Leads arriving, as the store offers them: what the current member may do (`intakeAbilities`, read on the
 * first frame) and the shapes of the commands, which are in intake-commands.ts (the SDK's late chunk: they
 * run only from a dialog a user opens). Used by thin methods of LeadStore.
 *
 * Unlike the other commands these are not optimistic: a lead has no id, position or assignee until the
 * backend gives them (the assignment rules may pick someone), so the card appears when the backend answers,
 * at the top of its column, and nothing has to be rolled back when it refuses. Errors are thrown to the
 * caller (the dialog that asked), with `issues` naming the fields; the store posts no notice for them.
 */
import type { ImportOptions, LeadAdapter } from '../adapter.js';
import { canChangeAssignmentRules, canCreateLead, canImportLeads } from '../policy.js';
import type { ImportResult, Lead, Member } from '../schema.js';

/** What the current member can do here: the adapter must offer it and the policy allow it. */
export interface IntakeAbilities {
  /** Add a lead (`create`). */
  createLead: boolean;
  /** Import leads (`importLeads`): admins and managers. */
  importLeads: boolean;
  /** Read the assignment rules (`getAssignmentRules`). */
  readAssignmentRules: boolean;
  /** Change them (`setAssignmentRules`): admins and managers. */
  changeAssignmentRules: boolean;
}

/**
 * Where a store import is: `checking` its size on the client, `sending` it (one request: the backend reads
 * and writes it in one transaction and reports nothing until it is done), `loading` the board again after it
 * (only when the adapter pushes no changes), `done`.
 */
export interface ImportProgress {
  phase: 'checking' | 'sending' | 'loading' | 'done';
  dryRun: boolean;
  /** With `done`: the answer. */
  result?: ImportResult;
}

export interface StoreImportOptions extends ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/** The parts of the store these commands work with. */
export interface IntakeHost {
  readonly adapter: LeadAdapter;
  me(): Member | null;
  /** Takes a lead the backend answered with, as a pushed one: shown if visible, counts updated, listeners told. */
  accept(lead: Lead): void;
  /** A lead went where this member cannot see it: members' open-lead counts are asked for again. */
  refreshMembers(): void;
  /** Reloads the lists without blanking the board. */
  reload(): Promise<void>;
}

export function intakeAbilities(adapter: LeadAdapter, me: Member | null): IntakeAbilities {
  const active = me?.active === true;
  return {
    createLead: !!adapter.createLead && active && canCreateLead(me),
    importLeads: !!adapter.importLeads && active && canImportLeads(me),
    readAssignmentRules: !!adapter.getAssignmentRules && active,
    changeAssignmentRules: !!adapter.setAssignmentRules && active && canChangeAssignmentRules(me),
  };
}
