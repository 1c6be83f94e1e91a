/**
 * Validates real answers against openapi.json with a JSON Schema validator (ajv, draft 2020-12 — the dialect
 * of OpenAPI 3.1), so the contract test checks the committed document, not the zod schemas it came from.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS: under Node's ESM loader its function sits on `default`.
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed document

export const DOCUMENT_URL = new URL('../../openapi.json', import.meta.url);

export class ContractValidator {
  readonly doc: Json = JSON.parse(readFileSync(DOCUMENT_URL, 'utf8'));
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    // The components as one schema's $defs; their references to each other are pointed there.
    const defs = JSON.parse(JSON.stringify(this.doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'));
    this.ajv.addSchema({ $id: 'openapi.json', $defs: defs });
  }

  /** The documented answer of an operation for a status, or undefined when that status is not documented. */
  answer(method: string, path: string, status: number): Json | undefined {
    return this.doc.paths[path]?.[method]?.responses?.[String(status)];
  }

  /** Errors of `value` against a `#/components/schemas/<name>` reference (empty when it conforms). */
  check(reference: { $ref: string }, value: unknown): string[] {
    const name = reference.$ref.replace('#/components/schemas/', '');
    let validate = this.compiled.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi.json#/$defs/${name}` });
      this.compiled.set(name, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message}`);
  }
}
