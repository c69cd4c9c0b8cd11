import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import * as z from 'zod/mini';

/** The slice of the OpenAPI document the contract tests read. */
const schemaRef = z.object({ $ref: z.string() });
const mediaType = z.object({ schema: z.optional(z.looseObject({ $ref: z.optional(z.string()) })) });
const operation = z.object({
  responses: z.record(
    z.string(),
    z.object({ content: z.optional(z.record(z.string(), mediaType)) }),
  ),
  requestBody: z.optional(z.object({ content: z.record(z.string(), mediaType) })),
});
const openApiDocument = z.object({
  openapi: z.string(),
  paths: z.record(z.string(), z.record(z.string(), operation)),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});
export type OpenApiDocument = z.infer<typeof openApiDocument>;

function messages(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  );
}

function schemaName(ref: string | undefined): string | undefined {
  const parsed = schemaRef.safeParse({ $ref: ref });
  return parsed.success ? parsed.data.$ref.replace('#/components/schemas/', '') : undefined;
}

/** Validators over one of the OpenAPI subsets kept beside this file (one per API generation). */
export function specValidator(file: string) {
  const spec: OpenApiDocument = openApiDocument.parse(
    JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')),
  );
  const specId = `https://api.gcore.com/contract/${file}`;
  const componentRef = (name: string) => `${specId}#/components/schemas/${name}`;

  // strict: false because the spec uses OpenAPI's `examples`/`deprecated` beside JSON Schema.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // ProjectSerializer.created_at is `format: date-time`, yet the spec's own example and Gcore's
  // answers ("2019-12-31T23:59:59") carry no zone: accept an optional zone, as the README's
  // "parse leniently" says. Key timestamps are checked for `Z` separately in the contract test.
  ajv.addFormat('date-time', fullFormats['iso-date-time']);
  ajv.addSchema({ $id: specId, components: spec.components });

  const listValidators = new Map<string, ValidateFunction>();

  function compiled(name: string): ValidateFunction {
    if (!(name in spec.components.schemas)) throw new Error(`The spec has no schema "${name}".`);
    const validate = ajv.getSchema(componentRef(name));
    if (!validate) throw new Error(`Ajv could not compile "${name}".`);
    return validate;
  }

  return {
    spec,
    /** Validates a value against `#/components/schemas/<schemaName>`; [] means valid. */
    validateAgainstSpec(name: string, value: unknown): string[] {
      const validate = compiled(name);
      validate(value);
      return messages(validate.errors);
    },
    /** Validates Gcore's `{count, results}` envelope whose items follow a spec schema. */
    validateListAgainstSpec(itemSchemaName: string, value: unknown): string[] {
      compiled(itemSchemaName);
      let validate = listValidators.get(itemSchemaName);
      if (!validate) {
        validate = ajv.compile({
          type: 'object',
          required: ['count', 'results'],
          properties: {
            count: { type: 'integer', minimum: 0 },
            results: { type: 'array', items: { $ref: componentRef(itemSchemaName) } },
          },
        });
        listValidators.set(itemSchemaName, validate);
      }
      validate(value);
      return messages(validate.errors);
    },
    /** The component the spec names for an operation's JSON response, e.g. ApiKeyOutSerializer. */
    responseSchemaName(path: string, method: string, status: number): string | undefined {
      const response = spec.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
      return schemaName(response?.content?.['application/json']?.schema?.$ref);
    },
    /** The component the spec names for an operation's JSON request body. */
    requestSchemaName(path: string, method: string): string | undefined {
      const body = spec.paths[path]?.[method.toLowerCase()]?.requestBody;
      return schemaName(body?.content['application/json']?.schema?.$ref);
    },
    /** The statuses the spec documents for an operation. */
    documentedStatuses(path: string, method: string): number[] {
      return Object.keys(spec.paths[path]?.[method.toLowerCase()]?.responses ?? {}).map(Number);
    },
    /** A raw component schema, for reading enums and the like. */
    specSchema(name: string): unknown {
      return spec.components.schemas[name];
    },
  };
}

export const v2Spec = specValidator('gcore-inference-v2.openapi.json');
export const v3Spec = specValidator('gcore-inference-v3.openapi.json');

// The v2 file's validators under their original names, for the v2 contract tests.
export const {
  spec,
  validateAgainstSpec,
  validateListAgainstSpec,
  responseSchemaName,
  requestSchemaName,
  documentedStatuses,
  specSchema,
} = v2Spec;
