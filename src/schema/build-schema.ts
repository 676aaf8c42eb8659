import 'reflect-metadata';
import './enums';
import './meeting-enums';
import './evaluation-enums';
import './member-lifecycle-enums';
import './statistics-enums';
import { isObjectType, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { resolvers } from '../resolvers';
import { plainFieldsByType } from './plain-fields';
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
  cached ??= withPlainPropertiesRead(
    describeRootTypes(
      buildSchemaSync({
        resolvers: [...resolvers],
        orphanedTypes: [OrgUnitType, MemberType, AccountType, RoleAssignmentType, ApiKeyType, MeetingType, MeetingTaskType, ThematicPlanType, MemberTransferType],
        validate: false,
        emitSchemaFile: false,
      }),
    ),
  );
  return cached;
}

/**
 * A field type-graphql resolves by reading the property of its own name, with no middleware, gets
 * graphql-js's default resolver instead of type-graphql's wrapper (a closure, an object and a
 * middleware pass per field and row): the same value, at a fraction of the cost on list pages.
 */
function withPlainPropertiesRead(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, plain] of plainFieldsByType()) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const name of plain) {
      const field = fields[name];
      if (field !== undefined) field.resolve = undefined;
    }
  }
  return schema;
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
