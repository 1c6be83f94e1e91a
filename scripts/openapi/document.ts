/**
 * Builds the OpenAPI 3.1 document of the REST contract from the route table (routes.ts) and the SDK's zod
 * schemas, through zod's own JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses). Nothing here
 * restates a shape: a schema change in sdk/schema.ts changes openapi.json, and the check in
 * test/contract/openapi-current.test.ts says so until `npm run openapi` is run.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import {
  ActivityListSchema,
  ActivitySchema,
  AssignmentRulesSchema,
  AssignResponseSchema,
  AssignResultSchema,
  ChangeEventSchema,
  ErrorBodySchema,
  ImportResultSchema,
  LeadSchema,
  LeadsResponseSchema,
  MemberSchema,
  MembersListSchema,
  MembersResponseSchema,
  PresenceSchema,
  MemberWithLoadSchema,
  SessionResponseSchema,
} from '../../sdk/schema.js';
import { caseFoldPattern } from './case-fold.js';
import { ROUTES, type Answer, type Route } from './routes.js';

/** A 409 always carries the lead as it now is. */
const ConflictBodySchema = z.extend(ErrorBodySchema, { current: LeadSchema });
/** Unexpected failures (the client treats any 5xx as a network error). */
const InternalErrorBodySchema = z.object({
  error: z.object({ code: z.literal('internal'), message: z.string() }),
});
/** Too many requests of one kind from one client; the Retry-After header says when to try again. */
const RateLimitedBodySchema = z.object({
  error: z.object({ code: z.literal('rate_limited'), message: z.string() }),
});

/** Named shapes: every JSON answer refers to one of these (`#/components/schemas/<name>`). */
const COMPONENTS: Record<string, z.ZodMiniType> = {
  Member: MemberSchema,
  MemberWithLoad: MemberWithLoadSchema,
  MemberList: MembersListSchema,
  MemberWithLoadList: MembersResponseSchema,
  Lead: LeadSchema,
  LeadList: LeadsResponseSchema,
  Activity: ActivitySchema,
  ActivityList: ActivityListSchema,
  AssignResult: AssignResultSchema,
  AssignResponse: AssignResponseSchema,
  AssignmentRules: AssignmentRulesSchema,
  ImportResult: ImportResultSchema,
  SessionResponse: SessionResponseSchema,
  ChangeEvent: ChangeEventSchema,
  Presence: PresenceSchema,
  Error: ErrorBodySchema,
  ConflictError: ConflictBodySchema,
  InternalError: InternalErrorBodySchema,
  RateLimitedError: RateLimitedBodySchema,
};

type Json = Record<string, unknown>;

/**
 * zod writes a regex's `source` as the JSON Schema `pattern` and drops its flags; a case-insensitive one
 * (column keys) would then document a stricter rule than the one enforced. Spell the other case out.
 */
function keepCaseInsensitivity(ctx: { zodSchema: unknown; jsonSchema: Json }): void {
  type Check = { _zod?: { def?: { pattern?: unknown } } };
  const checks = (ctx.zodSchema as { _zod?: { def?: { checks?: Check[] } } })._zod?.def?.checks ?? [];
  for (const check of checks) {
    const pattern = check._zod?.def?.pattern;
    if (pattern instanceof RegExp && pattern.flags.includes('i') && ctx.jsonSchema.pattern === pattern.source) {
      ctx.jsonSchema.pattern = caseFoldPattern(pattern.source);
    }
  }
}

const strip = ({ $schema: _s, $id: _i, ...rest }: Json): Json => rest;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  return strip(z.toJSONSchema(schema, { target: 'draft-2020-12', io, override: keepCaseInsensitivity }) as Json);
}

function components(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
    override: keepCaseInsensitivity,
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, strip(s as Json)]));
}

const ref = (schema: z.ZodMiniType): Json => {
  const name = Object.entries(COMPONENTS).find(([, s]) => s === schema)?.[0];
  if (!name) throw new Error('An answer schema must be named in COMPONENTS (scripts/openapi/document.ts)');
  return { $ref: `#/components/schemas/${name}` };
};

const json = (schema: z.ZodMiniType): Json => ({ 'application/json': { schema: ref(schema) } });

function answer(a: Answer, errorSchema: z.ZodMiniType = ErrorBodySchema, status?: string): Json {
  if (status === '204') return { description: a.description };
  if (a.stream) {
    return {
      description: a.description,
      content: {
        'text/event-stream': {
          schema: { type: 'string', description: 'Each `data:` line holds one JSON ChangeEvent' },
          'x-event-data': ref(a.stream),
        },
      },
    };
  }
  return { description: a.description, content: json(a.schema ?? errorSchema) };
}

function parameters(route: Route): Json[] {
  const params: Json[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1], in: 'path', required: true, schema: { type: 'string', minLength: 1 },
  }));
  const shape = (route.query?._zod.def.shape ?? {}) as Record<string, z.ZodMiniType>;
  for (const [name, schema] of Object.entries(shape)) {
    params.push({ name, in: 'query', required: schema._zod.optin !== 'optional', schema: jsonSchema(schema, 'input') });
  }
  if (route.idempotent) {
    params.push({
      name: 'Idempotency-Key', in: 'header', required: false,
      description: 'A random key per write (the RestAdapter sends one per call). A retry with the same key and ' +
        'the same request answers the first answer (with `Idempotency-Replayed: true`) and writes nothing again; ' +
        'the same key with another request is 422. Keys are per member and kept 24 h (IDEMPOTENCY_TTL_SECONDS).',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
    });
  }
  return params;
}

function operation(route: Route): Json {
  const responses: Json = {};
  for (const [status, a] of Object.entries(route.answers)) {
    responses[status] = answer(a, status === '409' ? ConflictBodySchema : ErrorBodySchema, status);
  }
  if (route.body || route.query) {
    responses[400] = { description: 'Invalid input; `issues` names every failing field', content: json(ErrorBodySchema) };
  }
  if (route.access !== 'public') {
    responses[401] = { description: 'Missing, invalid or expired token', content: json(ErrorBodySchema) };
  }
  if (route.demoOnly) responses[404] = { description: 'Demo mode is off (`DEMO=0`)', content: json(ErrorBodySchema) };
  if (route.body) {
    responses[413] ??= { description: 'Request body too large (BODY_LIMIT_BYTES)', content: json(ErrorBodySchema) };
    responses[415] ??= { description: 'The body is not `application/json` (an HTML form cannot send that: no form-post ' +
      'CSRF)', content: json(ErrorBodySchema) };
  }
  if (route.idempotent) {
    responses[422] = { description: 'The Idempotency-Key was already used for a different request', content: json(ErrorBodySchema) };
  }
  if (route.access !== 'public' || route.rateLimited) {
    responses[429] = {
      description: 'Too many requests from this client: sign-ins or failed tokens per address, writes per token',
      headers: { 'Retry-After': { description: 'Seconds until the next request is allowed', schema: { type: 'integer', minimum: 1 } } },
      content: json(RateLimitedBodySchema),
    };
  }
  responses[500] = { description: 'Unexpected failure', content: json(InternalErrorBodySchema) };

  const op: Json = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    security: route.access === 'public' ? [] : route.access === 'bearer' ? [{ bearer: [] }] : [{ bearer: [] }, { queryToken: [] }],
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))),
  };
  const params = parameters(route);
  if (params.length > 0) op.parameters = params;
  if (route.body) {
    const content: Json = { 'application/json': { schema: jsonSchema(route.body, 'input') } };
    if (route.csvBody) content['text/csv'] = { schema: { type: 'string', description: route.csvBody } };
    op.requestBody = { required: true, content };
  }
  if (route.demoOnly) {
    op.description = 'Demo mode only: with `DEMO=0` this route answers 404 and tokens come from the host (`API_TOKENS`).';
  }
  return op;
}

export function buildDocument(): Json {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'lead-kanban REST API',
      version: pkg.version,
      description: 'The contract between the RestAdapter of `lead-kanban/sdk` and a backend; the reference server ' +
        'is demo/server. JSON over HTTP; errors are `{ error: { code, message, issues? } }`. Generated from the ' +
        "SDK's zod schemas by `npm run openapi`.",
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(ROUTES.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A demo session token or a host-issued token' },
        queryToken: { type: 'apiKey', in: 'query', name: 'token', description: 'The same token, for EventSource' },
      },
    },
  };
}

/** The document as written to openapi.json. */
export const serialize = (doc: Json): string => JSON.stringify(doc, null, 2) + '\n';
