import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { badInput } from '../errors/app-error';
import { textProblem } from '../services/text-hygiene';

/** Search text is matched, not stored: 200 characters find anything a name can hold. */
const SEARCH_MAX = 200;
/** The longest text any field stores (minutes, resolutions); a CSV import is bounded by the body limit instead. */
const TEXT_MAX = 100_000;

const maxLengthOf = (key: string): number | null => {
  if (key === 'csv' || key === 'csvBase64') return null;
  if (key.endsWith('Contains') || key === 'search') return SEARCH_MAX;
  return TEXT_MAX;
};

/**
 * Every string in a field's arguments, however deep in its input objects and lists: bounded in
 * length and free of NUL, lone surrogates and other characters no text of ours may hold, checked
 * before the resolver (and so before any SQL) runs; BAD_USER_INPUT names the argument path
 * (issue #15: a 3.9 MB `nameContains` ran for seconds, a NUL byte answered INTERNAL_SERVER_ERROR).
 * Finer rules per field (names, identifiers) stay in the services' checks.
 */
function checkValue(value: unknown, path: string, key: string): void {
  if (typeof value === 'string') {
    const max = maxLengthOf(key);
    if (max !== null && value.length > max) throw badInput(path, `must be at most ${max} characters`);
    const problem = textProblem(value, 'multiline');
    if (problem) throw badInput(path, problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkValue(item, `${path}.${i}`, key));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) checkValue(v, `${path}.${k}`, k);
  }
}

export function withArgumentChecks(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config) => {
      if (!config.args || Object.keys(config.args).length === 0) return config;
      const resolve = (config.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>;
      return {
        ...config,
        resolve: (parent, args: Record<string, unknown>, ctx, info) => {
          for (const [name, value] of Object.entries(args)) checkValue(value, name, name);
          return resolve(parent, args, ctx, info);
        },
      };
    },
  });
}
