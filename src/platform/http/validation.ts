import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { normalizeIdentifier } from '../../domain/identifiers/normalize-identifier.ts';
import { cleanText, identifierKeyword, textKeyword, type TextMode } from './text.ts';
import { streamedBody } from './schemas.ts';

// Bodies are checked strictly: a wrong type is an error, never silently coerced; unknown fields are refused.
const bodyAjv = new Ajv.default({ multipleOfPrecision: 9, coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
// Query strings and path params arrive as text, so they are coerced to the declared types.
const paramAjv = new Ajv.default({ multipleOfPrecision: 9, coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
for (const ajv of [bodyAjv, paramAjv]) {
  addFormats.default(ajv);
  ajv.addKeyword('x-example');
  // Trims user text in place before the length checks run, and refuses what no user types on purpose.
  ajv.addKeyword({
    keyword: textKeyword,
    type: 'string',
    modifying: true,
    errors: true,
    before: 'maxLength',
    validate: function checkText(mode: TextMode, data: string, _schema: unknown, cxt?: { parentData: Record<string, unknown>; parentDataProperty: string | number }) {
      const { value, problem } = cleanText(data, mode);
      if (cxt?.parentData && value !== data) cxt.parentData[cxt.parentDataProperty] = value;
      if (!problem) return true;
      (checkText as unknown as { errors: unknown[] }).errors = [{ keyword: textKeyword, params: { problem }, message: problem }];
      return false;
    },
  });
  ajv.addKeyword({
    keyword: identifierKeyword,
    type: 'string',
    modifying: true,
    before: 'maxLength',
    validate: (_enabled: boolean, data: string, _schema: unknown, cxt?: { parentData: Record<string, unknown>; parentDataProperty: string | number }) => {
      if (cxt?.parentData) cxt.parentData[cxt.parentDataProperty] = normalizeIdentifier(data);
      return true;
    },
  });
}

/** The validator compiler: strict for bodies, coercing for query, params and headers. */
export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) => {
  // A streamed upload is read and checked by its route as it arrives; its schema is for the OpenAPI document only.
  if (httpPart === 'body' && (schema as Record<string, unknown>)[streamedBody] === true) return () => true;
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  return ajv.compile(schema);
};
