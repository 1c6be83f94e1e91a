/**
 * openapi.json is generated (`npm run openapi`) from the route table and the SDK's zod schemas; this fails
 * while the committed file is not what they give now, and checks the document is well-formed OpenAPI 3.1.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildDocument, serialize } from '../../scripts/openapi/document.js';
import { ROUTES, routeKey } from '../../scripts/openapi/routes.js';
import { ContractValidator, DOCUMENT_URL } from './validator.js';

test('openapi.json is what `npm run openapi` writes from the schemas now', () => {
  const committed = readFileSync(DOCUMENT_URL, 'utf8');
  assert.ok(committed === serialize(buildDocument()), 'openapi.json is stale: run `npm run openapi` and commit it');
});

test('one operation per route of the table, each answer naming a component that exists', () => {
  const { doc } = new ContractValidator();
  assert.equal(doc.openapi, '3.1.0');
  const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => routeKey({ method: method as 'get', path })));
  assert.deepEqual(operations.sort(), ROUTES.map(routeKey).sort());
  const refs = JSON.stringify(doc.paths).match(/#\/components\/schemas\/\w+/g) ?? [];
  for (const ref of new Set(refs)) assert.ok(doc.components.schemas[ref.split('/').pop()!], `${ref} exists`);
});

test('column keys stay case-insensitive in the document, as the schema accepts them', () => {
  const validator = new ContractValidator();
  const lead = { id: 'l1', name: 'A', status: 'Won', position: 1, assigneeId: null, version: 1,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  assert.deepEqual(validator.check({ $ref: '#/components/schemas/Lead' }, lead), []);
  assert.notDeepEqual(validator.check({ $ref: '#/components/schemas/Lead' }, { ...lead, status: 'no spaces' }), []);
});
