import { execute, extendSchema, GraphQLObjectType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { ruleFor, withPermissions } from '../../src/auth/permissions-layer';
import { allow, canSeePersonalData, deny, fieldRules, mutationRules, queryRules } from '../../src/auth/permission-rules';
import type { Grant } from '../../src/auth/grant';
import { Role } from '../../src/auth/role';
import { Viewer } from '../../src/auth/viewer';
import { buildGraphQLSchema } from '../../src/schema/build-schema';

/**
 * The first permission layer is deny-by-default: every root field needs an explicit rule, and a
 * field added without one must not become reachable. These tests need no database.
 */
let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildGraphQLSchema();
});

const fieldsOf = (type: GraphQLObjectType | null | undefined): string[] => Object.keys(type?.getFields() ?? {}).sort();
const missing = (wanted: readonly string[], present: readonly string[]): string[] => wanted.filter((f) => !present.includes(f));

/** The personal fields of domain.md §2 and permission-rules.ts, and the history with its reasons: only for MEMBERS_PERSONAL or the member themself. */
const PERSONAL_FIELDS = ['address', 'birthDate', 'citizenId', 'exemptions', 'partyCardNumber', 'phone', 'religion', 'timeline'];

describe('every root field has an explicit rule', () => {
  test('every Query field of the schema has a rule in queryRules', () => {
    expect(missing(fieldsOf(schema.getQueryType()), Object.keys(queryRules))).toEqual([]);
  });

  test('every Mutation field of the schema has a rule in mutationRules', () => {
    expect(missing(fieldsOf(schema.getMutationType()), Object.keys(mutationRules))).toEqual([]);
  });

  test('no rule in queryRules names a Query field that does not exist', () => {
    expect(missing(Object.keys(queryRules), fieldsOf(schema.getQueryType()))).toEqual([]);
  });

  test('no rule in mutationRules names a Mutation field that does not exist', () => {
    expect(missing(Object.keys(mutationRules), fieldsOf(schema.getMutationType()))).toEqual([]);
  });

  test('there is no Subscription type (ruleFor denies all its fields)', () => {
    expect(schema.getSubscriptionType()).toBeFalsy();
  });

  test('every rule is a rule object, not undefined (a missing map entry would silently allow nothing or everything)', () => {
    for (const rule of [...Object.values(queryRules), ...Object.values(mutationRules)]) expect(rule).toBeDefined();
  });
});

describe('field rules name real fields and cover personal data', () => {
  test('every type and field in fieldRules exists in the schema', () => {
    const unknown: string[] = [];
    for (const [typeName, rules] of Object.entries(fieldRules)) {
      const type = schema.getType(typeName);
      if (!(type instanceof GraphQLObjectType)) {
        unknown.push(typeName);
        continue;
      }
      for (const field of Object.keys(rules)) if (!type.getFields()[field]) unknown.push(`${typeName}.${field}`);
    }
    expect(unknown).toEqual([]);
  });

  test('every personal field of Member is guarded by canSeePersonalData, and only those', () => {
    const memberFields = fieldsOf(schema.getType('Member') as GraphQLObjectType);
    expect(missing(PERSONAL_FIELDS, memberFields)).toEqual([]);
    expect(Object.keys(fieldRules.Member ?? {}).sort()).toEqual(PERSONAL_FIELDS);
    for (const field of PERSONAL_FIELDS) expect(fieldRules.Member[field]).toBe(canSeePersonalData);
  });

  test('personal fields are nullable, so that a denied field is null with an error, not a lost parent', () => {
    const member = schema.getType('Member') as GraphQLObjectType;
    for (const field of PERSONAL_FIELDS) expect(member.getFields()[field].type.toString()).not.toMatch(/!$/);
  });
});

describe('which fields are guarded', () => {
  test('a root field without a rule is denied, a Subscription field too, other fields only where listed', () => {
    expect(ruleFor('Query', 'unlistedField')).toBe(deny);
    expect(ruleFor('Mutation', 'unlistedField')).toBe(deny);
    expect(ruleFor('Subscription', 'anything')).toBe(deny);
    expect(ruleFor('Member', 'phone')).toBe(canSeePersonalData);
    expect(ruleFor('Member', 'fullName')).toBeNull();
    expect(ruleFor('Query', 'viewer')).toBe(allow);
  });

  test('exactly the fields with a rule other than allow get a check; every other field keeps its own resolver', () => {
    const guarded = withPermissions(schema);
    const wrapped: string[] = [];
    const expected: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const copy = guarded.getType(type.name) as GraphQLObjectType;
      for (const [name, field] of Object.entries(type.getFields())) {
        const rule = ruleFor(type.name, name);
        if (rule !== null && rule !== allow) expected.push(`${type.name}.${name}`);
        if (copy.getFields()[name].resolve !== field.resolve) wrapped.push(`${type.name}.${name}`);
      }
    }
    expect(wrapped.sort()).toEqual(expected.sort());
    expect(expected).toEqual(expect.arrayContaining(['Member.phone', 'Query.node', 'Mutation.createMember']));
    // Personal fields and root fields only: a few hundred, not every field of every type.
    expect(wrapped.filter((f) => !/^(Query|Mutation)\./.test(f)).sort()).toEqual(PERSONAL_FIELDS.map((f) => `Member.${f}`));
  });

  test('the unguarded schema is left as it was', () => {
    const before = (schema.getType('Member') as GraphQLObjectType).getFields().phone.resolve;
    withPermissions(schema);
    expect((schema.getType('Member') as GraphQLObjectType).getFields().phone.resolve).toBe(before);
  });
});

describe('a root field added without a rule is denied at run time', () => {
  // A national administrator: every permission everywhere, so only the missing rule can deny.
  const nationalAdmin: Grant = { assignmentId: 1, role: Role.ADMIN, unitId: null, unitPath: null, provinceId: null };
  const contextValue = { viewer: new Viewer(1, null, null, [nationalAdmin]) };
  let guarded: GraphQLSchema;

  beforeAll(() => {
    const extended = extendSchema(
      schema,
      parse('extend type Query { unguardedSecret: String } extend type Mutation { unguardedWrite: String }'),
    );
    guarded = withPermissions(extended);
  });

  test('a known field passes (control: the context is enough for the rules)', async () => {
    const result = await execute({ schema: guarded, document: parse('{ roles { role } }'), contextValue });
    expect(result.errors).toBeUndefined();
    expect((result.data?.roles as unknown[]).length).toBe(Object.values(Role).length);
  });

  test('an unknown Query field answers FORBIDDEN, and its resolver never runs', async () => {
    const result = await execute({ schema: guarded, document: parse('{ unguardedSecret }'), contextValue, rootValue: { unguardedSecret: 'leak' } });
    expect(result.data).toEqual({ unguardedSecret: null });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  test('an unknown Mutation field answers FORBIDDEN', async () => {
    const result = await execute({ schema: guarded, document: parse('mutation { unguardedWrite }'), contextValue, rootValue: { unguardedWrite: 'done' } });
    expect(result.data).toEqual({ unguardedWrite: null });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
