// Response serialization. By default every response goes through the zod type provider's
// serializer: the body is checked against the route's zod schema (a mismatch is a 500), stripped
// to the schema's fields and stringified. The screens' hot responses (the whole dossier, the
// overview, a debt) are large, and that check costs more than the rest of their work: for the
// schemas marked with `compiledResponse`, the zod schema is turned into JSON Schema once (as for
// the OpenAPI document) and compiled with fast-json-stringify, Fastify's own serializer. It writes
// only the schema's properties, so a field outside the schema still never goes out.
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

const compiled = new WeakSet<z.ZodType>();

/** Marks a response schema for the compiled serializer; returns the same schema. */
export function compiledResponse<T extends z.ZodType>(schema: T): T {
  compiled.add(schema);
  return schema;
}

// A Date goes out as its ISO string, as JSON.stringify writes it (the OpenAPI document says the same).
function datesAsDateTime(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
  if ((ctx.zodSchema as z.ZodType)._zod.def.type === 'date') {
    ctx.jsonSchema.type = 'string';
    ctx.jsonSchema.format = 'date-time';
  }
}

/** The JSON Schema a marked response is compiled from (exported for its test). */
export function responseJsonSchema(schema: z.ZodType) {
  // The OpenAPI 3.0 form says "nullable" instead of anyOf [..., null], which fast-json-stringify
  // writes without running a validator per field.
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any', override: datesAsDateTime });
}

export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const schema = route.schema;
  if (!(schema instanceof z.ZodType) || !compiled.has(schema)) return zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
  // Compiled on first use, so starting the app stays as fast as before.
  let stringify: ((data: unknown) => string) | undefined;
  return (data: unknown) => {
    stringify ??= fastJson(responseJsonSchema(schema) as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
    return stringify(data);
  };
};
