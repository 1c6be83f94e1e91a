/**
 * Deterministic demo data: the same options always give the same members, leads and history, so the
 * MemoryAdapter, the reference server, tests and benchmarks all start from identical boards.
 */
import type { Activity, Lead, Member } from './schema.js';
import { foldText } from './internal/match.js';
import { markValidated } from './internal/validated.js';
import { CLOSED_STATUSES, DEFAULT_COLUMNS } from './schema.js';

export interface SeedOptions {
  /** Number of leads (default 200). */
  leads?: number;
  /** Number of members including the admin, the manager and one inactive member (default 12, at least 4). */
  members?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Column keys leads are spread over (default: DEFAULT_COLUMNS). */
  statuses?: readonly string[];
  /** "Now" for timestamps (default 2026-01-15T09:00:00Z), so output does not depend on the clock. */
  now?: Date;
  /** Share of leads left unassigned, 0..1 (default 0.3). */
  unassignedShare?: number;
}

export interface SeedData {
  members: Member[];
  leads: Lead[];
  /** A `created` entry per lead and an `assigned` entry per assigned lead, oldest first. */
  activities: Activity[];
}

const FIRST = ['Dana', 'Alex', 'Priya', 'Marcus', 'Sofia', 'Kenji', 'Amara', 'Lukas', 'Elena', 'Omar', 'Grace',
  'Mateo', 'Hannah', 'Ravi', 'Chloe', 'Noah', 'Ines', 'Tomasz', 'Yara', 'Felix', 'Leila', 'Jonas', 'Mei', 'Diego',
  'Aisha', 'Oscar', 'Nadia', 'Samuel', 'Freya', 'Hugo'];
const LAST = ['Ruiz', 'Chen', 'Patel', 'Johnson', 'Rossi', 'Tanaka', 'Okafor', 'Weber', 'Petrova', 'Haddad',
  'Kim', 'Silva', 'Müller', 'Iyer', 'Martin', 'Andersen', 'García', 'Nowak', 'Cohen', 'Schmidt', 'Nguyen',
  'Berg', 'Lopez', 'Dubois', 'Khan', 'Larsen', 'Costa', 'Novak', 'Walsh', 'Sato'];
const COMPANY_A = ['Acme', 'Northwind', 'Blue Harbor', 'Summit', 'Brightline', 'Ironwood', 'Cobalt', 'Evergreen',
  'Lumen', 'Redwood', 'Silverline', 'Granite', 'Polar', 'Horizon', 'Atlas', 'Vertex', 'Maple', 'Quantum',
  'Orchid', 'Sterling', 'Falcon', 'Pioneer', 'Harbor', 'Beacon'];
const COMPANY_B = ['Logistics', 'Foods', 'Health', 'Analytics', 'Robotics', 'Energy', 'Studios', 'Labs',
  'Dental', 'Realty', 'Security', 'Outfitters', 'Software', 'Partners', 'Freight', 'Bakery', 'Clinics',
  'Systems', 'Motors', 'Capital'];
const COMPANY_C = ['Inc.', 'GmbH', 'Ltd', 'LLC', 'Co.', 'SA', 'Group', ''];

/** mulberry32: tiny, fast, good enough for demo data, and identical in every JS engine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** For email addresses: folded as search folds text ("Müller" → "muller"), then letters and digits only. */
const slug = (s: string) => foldText(s).replace(/[^a-z0-9]+/g, '');

export function seed(options: SeedOptions = {}): SeedData {
  const leadCount = Math.max(0, Math.floor(options.leads ?? 200));
  const memberCount = Math.max(4, Math.floor(options.members ?? 12));
  const statuses = options.statuses ?? DEFAULT_COLUMNS.map((c) => c.key);
  const now = (options.now ?? new Date('2026-01-15T09:00:00Z')).getTime();
  const unassignedShare = options.unassignedShare ?? 0.3;
  const random = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const members: Member[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; i < memberCount; i++) {
    let name = '';
    for (let tries = 0; tries < 50 && (name === '' || usedNames.has(name)); tries++) name = `${pick(FIRST)} ${pick(LAST)}`;
    if (usedNames.has(name)) name = `${name} ${i + 1}`;
    usedNames.add(name);
    const [first, last] = name.split(' ') as [string, string];
    const role = i === 0 ? 'admin' : i === 1 ? 'manager' : 'member';
    const member: Member = {
      id: `m${i + 1}`,
      name,
      email: `${slug(first)}.${slug(last)}${i > 29 ? i : ''}@example.com`,
      role,
      // The last member has left the team: kept for history, never offered as an assignee.
      active: i !== memberCount - 1,
    };
    if (role === 'member') member.capacity = 20 + Math.floor(random() * 4) * 10;
    members.push(member);
  }
  const assignable = members.filter((m) => m.active);
  const admin = members[0]!;

  const leads: Lead[] = [];
  const activities: Activity[] = [];
  const positionIn = new Map<string, number>();
  const usedCompanies = new Map<string, number>();
  for (let i = 0; i < leadCount; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    let company = `${pick(COMPANY_A)} ${pick(COMPANY_B)}`;
    const suffix = pick(COMPANY_C);
    if (suffix) company += ` ${suffix}`;
    const seen = usedCompanies.get(company) ?? 0;
    usedCompanies.set(company, seen + 1);
    // Weighted towards early pipeline stages, as real boards are.
    const r = random();
    const statusIndex = Math.min(statuses.length - 1, Math.floor(r * r * statuses.length));
    const status = statuses[statusIndex]!;
    const position = (positionIn.get(status) ?? 0) + 1000;
    positionIn.set(status, position);
    const created = now - Math.floor(random() * 90 * 86400_000) - 3600_000;
    const updated = Math.min(now, created + Math.floor(random() * 10 * 86400_000));
    const assigned = CLOSED_STATUSES.includes(status) || random() >= unassignedShare;
    const assigneeId = assigned ? pick(assignable).id : null;
    const lead: Lead = {
      id: `l${i + 1}`,
      name: `${first} ${last}`,
      company,
      email: `${slug(first)}.${slug(last)}@${slug(company).slice(0, 18) || 'mail'}.example`,
      phone: `+1 555 ${String(1000 + Math.floor(random() * 9000))}`,
      value: Math.round((500 + random() * 49_500) / 50) * 50,
      status,
      position,
      assigneeId,
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
      version: assigneeId ? 2 : 1,
    };
    leads.push(lead);
    activities.push({ id: `a${activities.length + 1}`, leadId: lead.id, type: 'created', actorId: admin.id,
      at: lead.createdAt, source: 'api' });
    if (assigneeId) {
      activities.push({ id: `a${activities.length + 1}`, leadId: lead.id, type: 'assigned', actorId: admin.id,
        at: new Date(created + 60_000).toISOString(), from: null, to: assigneeId, source: 'manual' });
    }
  }
  activities.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  // Made to the schemas (seed.test.ts parses it): a MemoryDatabase built from it need not check it again.
  return markValidated({ members, leads, activities });
}
