import { GraphQLError, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { ErrorCode } from '../errors/error-code';
import { fieldRules, mutationRules, queryRules, type ShieldRule } from './shield-rules';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The rule tree: explicit rules for root fields, object types readable except their sensitive fields. */
export function ruleTree(schema: GraphQLSchema): IRules {
  const tree: Record<string, Record<string, ShieldRule>> = { Query: { ...queryRules }, Mutation: { ...mutationRules } };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || ROOT_TYPES.has(type.name)) continue;
    tree[type.name] = { '*': allow, ...(fieldRules[type.name] ?? {}) };
  }
  return tree;
}

/**
 * Wraps the schema with graphql-shield, deny by default. Kept behind this one function
 * (graphql-shield is unmaintained since 2022) so that it can be replaced.
 */
export function withPermissions(schema: GraphQLSchema): GraphQLSchema {
  const permissions = shield(ruleTree(schema), {
    fallbackRule: deny,
    allowExternalErrors: true,
    debug: false,
    fallbackError: () => new GraphQLError('Not allowed', { extensions: { code: ErrorCode.FORBIDDEN } }),
  });
  return applyMiddleware(schema, permissions);
}
