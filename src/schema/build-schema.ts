import 'reflect-metadata';
import './enums';
import './meeting-enums';
import './evaluation-enums';
import './member-lifecycle-enums';
import './statistics-enums';
import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from '../resolvers';
import { AccountType, ApiKeyType, RoleAssignmentType } from './types/account-types';
import { MeetingTaskType, MeetingType, ThematicPlanType } from './types/meeting-types';
import { MemberTransferType } from './types/member-history-types';
import { MemberType } from './types/member-type';
import { OrgUnitType } from './types/org-unit-type';

let cached: GraphQLSchema | undefined;

/**
 * The executable schema, without the permission layer. Input validation lives in the services
 * (one place for every entry point, with field paths), so type-graphql's class-validator hook is off.
 */
export function buildGraphQLSchema(): GraphQLSchema {
  cached ??= describeRootTypes(
    buildSchemaSync({
      resolvers: [...resolvers],
      orphanedTypes: [OrgUnitType, MemberType, AccountType, RoleAssignmentType, ApiKeyType, MeetingType, MeetingTaskType, ThematicPlanType, MemberTransferType],
      validate: false,
      emitSchemaFile: false,
    }),
  );
  return cached;
}

/** type-graphql cannot describe the root types; every type of the schema has a description (test/schema). */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads (truy vấn): the tree, members, meetings, compliance, evaluations, supervision, inspections, statistics, roles and the caller, limited to what the caller may see.';
  if (mutation) mutation.description = 'Changes (thay đổi dữ liệu): sessions, the tree, members and their positions, meetings, evaluations, supervision, inspections, targets, accounts and roles.';
  return schema;
}

/** The SDL as committed in schema.graphql: sorted so that it diffs cleanly. */
export function printableSchema(): GraphQLSchema {
  return lexicographicSortSchema(buildGraphQLSchema());
}
