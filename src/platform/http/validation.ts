import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// Bodies are checked strictly: a wrong type is an error, never silently coerced; unknown fields are refused.
const bodyAjv = new Ajv.default({ multipleOfPrecision: 9, coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
// Query strings and path params arrive as text, so they are coerced to the declared types.
const paramAjv = new Ajv.default({ multipleOfPrecision: 9, coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
for (const ajv of [bodyAjv, paramAjv]) {
  addFormats.default(ajv);
  ajv.addKeyword('x-example');
}

/** The validator compiler: strict for bodies, coercing for query, params and headers. */
export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  return ajv.compile(schema);
};
