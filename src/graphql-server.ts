import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { withPermissions } from './auth/permissions-layer';
import { viewerCachePlugin } from './auth/viewer-cache';
import type { Config } from './config';
import type { SqlCount } from './db/sql-counter';
import { formatError, isUnexpected, withoutSuggestions } from './errors/format-error';
import { noSubscriptionsPlugin } from './http/no-subscriptions-plugin';
import { idempotencyPlugin } from './idempotency/idempotency-plugin';
import type { RequestContext } from './request-context';
import { withArgumentChecks } from './schema/argument-guard';
import { buildGraphQLSchema } from './schema/build-schema';
import { typeNameLookupOnly } from './schema/type-name-lookup-rule';

/** The context as Apollo sees it: the request context plus transport-only counters. */
export interface ServerContext extends RequestContext {
  readonly sqlCount?: SqlCount;
}

/** Query limits, applied before execution (graphql-armor). */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 3000,
  maxDirectives: 20,
  // Allows a page of 100 units each with a page of 20 members; deeper list nesting is refused.
  maxCost: 300000,
} as const;

export interface GraphQLServerOptions {
  /** Off only for measuring the cost of the permission layer; never in the product. */
  readonly permissions?: boolean;
  readonly plugins?: ApolloServerPlugin<ServerContext>[];
}

function loggingPlugin(): ApolloServerPlugin<ServerContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, contextValue: ctx }) {
          for (const error of errors) {
            // Not `error.originalError`: a validation error's original has no code and would look unexpected.
            if (isUnexpected(error)) {
              ctx.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ response, operationName, errors, contextValue: ctx }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (ctx.sqlCount && response.http) response.http.headers.set('x-sql-statements', String(ctx.sqlCount.statements));
          ctx.logger.info({ operationName, ms: Math.round(ms * 10) / 10, errors: errors?.length ?? 0, sql: ctx.sqlCount?.statements }, 'graphql request');
        },
      };
    },
  };
}

export function createGraphQLServer(config: Config, options: GraphQLServerOptions = {}): ApolloServer<ServerContext> {
  const production = config.env === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    // Armor leaves aliases of __typename out by default (allowList ['__typename']): 900 were answered (issue #15).
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [] },
    // Armor's Apollo max-tokens plugin parses in a plugin hook, so every syntax error became an
    // HTTP 500 GRAPHQL_VALIDATION_FAILED (graphql-armor issues #571, #605, #751). graphql-js
    // enforces the same limit in its parser (parseOptions below): a 400 GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // Argument checks run inside the permission check: a caller who may not call a field learns nothing about its input.
  const checked = withArgumentChecks(buildGraphQLSchema());
  const schema = options.permissions === false ? checked : withPermissions(checked);
  return new ApolloServer<ServerContext>({
    schema,
    // Apollo's switch refuses __type too; with introspection off our rule answers name-only __type lookups (decisions.md §38).
    introspection: true,
    csrfPrevention: true,
    // The server's own shutdown (server.ts) drains HTTP, then stops Apollo, the pool and the database in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: config.introspection ? armor.validationRules : [...armor.validationRules, typeNameLookupOnly],
    formatError: production ? (formatted, error) => withoutSuggestions(formatError(formatted, error)) : formatError,
    // No HTTP caching of tenant data, and cache control's per-field hook costs time on every field.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...armor.plugins, loggingPlugin(), noSubscriptionsPlugin<ServerContext>(), viewerCachePlugin<ServerContext>(), idempotencyPlugin(), ...(options.plugins ?? [])],
  });
}
