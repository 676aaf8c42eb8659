import 'reflect-metadata';
import './enums';
import './meeting-enums';
import './evaluation-enums';
import './member-lifecycle-enums';
import './statistics-enums';
import { isObjectType, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
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

/** The parts of type-graphql's metadata read here (its storage is typed as internal). */
interface FieldsMetadata {
  readonly objectTypes: ReadonlyArray<{
    readonly name: string;
    readonly target: object;
    readonly fields?: ReadonlyArray<{ readonly name: string; readonly schemaName: string; readonly middlewares?: readonly unknown[]; readonly roles?: readonly unknown[] }>;
  }>;
  readonly fieldResolvers: ReadonlyArray<{ readonly schemaName: string; readonly getObjectType?: () => unknown }>;
}

/**
 * A field type-graphql resolves by reading the property of its own name, with no middleware, gets
 * graphql-js's default resolver instead of type-graphql's wrapper (a closure, an object and a
 * middleware pass per field and row): the same value, at a fraction of the cost on list pages.
 */
function withPlainPropertiesRead(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage() as unknown as FieldsMetadata;
  for (const type of storage.objectTypes) {
    const graphqlType = schema.getType(type.name);
    if (!isObjectType(graphqlType)) continue;
    const fields = graphqlType.getFields();
    const resolved = new Set(storage.fieldResolvers.filter((r) => r.getObjectType?.() === type.target).map((r) => r.schemaName));
    for (const field of type.fields ?? []) {
      if (resolved.has(field.schemaName) || field.name !== field.schemaName || (field.middlewares?.length ?? 0) > 0 || (field.roles?.length ?? 0) > 0) continue;
      const graphqlField = fields[field.schemaName];
      if (graphqlField !== undefined) graphqlField.resolve = undefined;
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
