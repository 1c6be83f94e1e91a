/**
 * Spreading N leads over chosen members, as pure functions: the store previews the plan, then applies exactly
 * that plan as one batch. Deterministic: the same input always yields the same plan (no randomness, no clock).
 * Ties between equally loaded members rotate: a plan says after whom the next plan's ties start (`rotation`),
 * and the caller hands that back next time (`after`), so no member is favoured by coming first in the list.
 */
import type { Member } from './schema.js';

export type DistributionStrategy = 'even' | 'capacity';

export interface DistributionPlan {
  /** Lead → member, in the order the leads were given. */
  assignments: { leadId: string; memberId: string }[];
  /** How many of the distributed leads each chosen active member receives (0 included). */
  perMember: Record<string, number>;
  /** Leads that fit nowhere (capacity exhausted, or no active member chosen). */
  skipped: string[];
  /** Where ties start next time: pass it as `after` to the next plan (unchanged when no tie was broken). */
  rotation?: string;
}

export interface PlanOptions {
  /** Ties between equally loaded members start with the member after this one (in the order given). */
  after?: string;
}

/** The member fields distribution looks at; `openLeads` (as listMembers answers) is the default load. */
export type DistributableMember = Pick<Member, 'id' | 'active'> & { capacity?: number; openLeads?: number };

/** Current open-lead load per member id (a Map or a plain record). */
export type LoadTable = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function loadOf(member: DistributableMember, currentLoad: LoadTable | undefined): number {
  let value: number | undefined;
  if (currentLoad instanceof Map) value = currentLoad.get(member.id);
  else if (currentLoad) value = (currentLoad as Readonly<Record<string, number>>)[member.id];
  return Math.max(0, value ?? member.openLeads ?? 0);
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Plans who gets which lead.
 * - `even`: the distributed leads are dealt round-robin so every chosen member receives the same number ±1
 *   (max − min ≤ 1, counting only these leads). The members who receive the one extra lead are those with
 *   the lowest current load, so repeated distributions stay balanced overall.
 * - `capacity`: each lead goes to the member with the lowest load (current + planned), among those still below
 *   `capacity` (members without capacity are unlimited). Leads that fit nowhere are `skipped`.
 * Ties between equal loads go in the order given, starting after `options.after` (see PlanOptions); the plan's
 * `rotation` is the member who took the last tie. Inactive and duplicate members are ignored; duplicate lead
 * ids are planned once.
 */
export function planDistribution(
  leadIds: readonly string[],
  members: readonly DistributableMember[],
  strategy: DistributionStrategy,
  currentLoad?: LoadTable,
  options: PlanOptions = {},
): DistributionPlan {
  const leads = unique(leadIds);
  const seen = new Set<string>();
  const chosen = members.filter((m) => m.active && !seen.has(m.id) && (seen.add(m.id), true));
  const perMember: Record<string, number> = {};
  for (const m of chosen) perMember[m.id] = 0;
  const plan: DistributionPlan = { assignments: [], perMember, skipped: [] };
  if (chosen.length === 0) {
    plan.skipped = leads;
    return plan;
  }
  const load = chosen.map((m) => loadOf(m, currentLoad));
  // Each member's place in the tie order: the order given, rotated to start after `options.after`.
  const n = chosen.length;
  const start = options.after === undefined ? 0 : chosen.findIndex((m) => m.id === options.after) + 1;
  const tieRank = chosen.map((_, i) => (i - start + n) % n);

  if (strategy === 'even') {
    // Least-loaded first (ties in rotated order), then deal round-robin: the first `remainder` get one more.
    const order = chosen.map((_, i) => i).sort((a, b) => load[a]! - load[b]! || tieRank[a]! - tieRank[b]!);
    leads.forEach((leadId, i) => {
      const member = chosen[order[i % n]!]!;
      plan.assignments.push({ leadId, memberId: member.id });
      perMember[member.id]! += 1;
    });
    const remainder = leads.length % n;
    if (remainder > 0) plan.rotation = chosen[order[remainder - 1]!]!.id;
    return plan;
  }

  const room = chosen.map((m, i) => (m.capacity === undefined ? Infinity : Math.max(0, m.capacity - load[i]!)));
  for (const leadId of leads) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (room[i]! <= 0) continue;
      if (best === -1 || load[i]! < load[best]! || (load[i] === load[best] && tieRank[i]! < tieRank[best]!)) best = i;
    }
    if (best === -1) {
      plan.skipped.push(leadId);
      continue;
    }
    const member = chosen[best]!;
    plan.assignments.push({ leadId, memberId: member.id });
    perMember[member.id]! += 1;
    load[best]! += 1;
    room[best]! -= 1;
    plan.rotation = member.id;
  }
  return plan;
}
