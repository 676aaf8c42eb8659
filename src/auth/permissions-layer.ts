import { mapSchema, MapperKind } from '@graphql-tools/utils';
import { defaultFieldResolver, GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors/error-code';
import type { RequestContext } from '../request-context';
import { allow, deny, fieldRules, mutationRules, queryRules, type Rule } from './permission-rules';

/**
 * The rule a field is guarded by, or null when it has none. Root fields are deny-by-default: a
 * Query or Mutation field missing from the rule maps is denied, and so is every Subscription
 * field; fields of other object types are readable once their parent was, except those listed
 * in `fieldRules` (personal data).
 */
export function ruleFor(typeName: string, fieldName: string): Rule | null {
  if (typeName === 'Query') return queryRules[fieldName] ?? deny;
  if (typeName === 'Mutation') return mutationRules[fieldName] ?? deny;
  if (typeName === 'Subscription') return deny;
  return fieldRules[typeName]?.[fieldName] ?? null;
}

const notAllowed = (): GraphQLError => new GraphQLError('Not allowed', { extensions: { code: ErrorCode.FORBIDDEN } });

/** True, or the error to answer with: false and a rule that throws are FORBIDDEN. */
function verdictOf(rule: Rule, parent: unknown, args: unknown, ctx: RequestContext): true | GraphQLError {
  try {
    const verdict = rule.check(parent, args, ctx);
    return verdict === true ? true : verdict === false ? notAllowed() : verdict;
  } catch {
    return notAllowed();
  }
}

function guarded(rule: Rule, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (parent, args, ctx, info) => {
    const verdict = verdictOf(rule, parent, args, ctx);
    // A returned error is a field error (null and an entry in `errors`), as when thrown.
    return verdict === true ? resolve(parent, args, ctx, info) : verdict;
  };
}

/**
 * A copy of the schema with the first permission layer: only fields with a rule other than
 * `allow` (root fields, personal fields) get a check before their resolver; every other field
 * keeps its resolver untouched, so a list page pays nothing per row and field (issue #14: the
 * previous graphql-shield + graphql-middleware layer wrapped every field, ~15% of a list's CPU).
 */
export function withPermissions(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const rule = ruleFor(typeName, fieldName);
      if (rule === null || rule === allow) return config;
      return { ...config, resolve: guarded(rule, (config.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestContext>) };
    },
  });
}
