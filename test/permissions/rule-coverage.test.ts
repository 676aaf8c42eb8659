import { execute, extendSchema, GraphQLObjectType, parse, type GraphQLSchema } from 'graphql';
import { ruleTree, withPermissions } from '../../src/auth/permissions-layer';
import { canSeePersonalData, fieldRules, mutationRules, queryRules } from '../../src/auth/shield-rules';
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

/** The personal fields of domain.md §2 and shield-rules.ts, and the history with its reasons: only for MEMBERS_PERSONAL or the member themself. */
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

  test('there is no Subscription type, whose fields ruleTree would leave to the fallback', () => {
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

describe('the rule tree given to graphql-shield', () => {
  test('Query and Mutation have no wildcard: an unlisted root field falls to the deny fallback', () => {
    const tree = ruleTree(schema) as Record<string, Record<string, unknown>>;
    expect(Object.keys(tree.Query)).not.toContain('*');
    expect(Object.keys(tree.Mutation)).not.toContain('*');
  });

  test('Query and Mutation in the tree hold exactly the fields of the schema', () => {
    const tree = ruleTree(schema) as Record<string, Record<string, unknown>>;
    expect(Object.keys(tree.Query).sort()).toEqual(fieldsOf(schema.getQueryType()));
    expect(Object.keys(tree.Mutation).sort()).toEqual(fieldsOf(schema.getMutationType()));
  });

  test('object types other than the roots are readable field by field, with the sensitive fields overridden', () => {
    const tree = ruleTree(schema) as Record<string, Record<string, unknown>>;
    expect(tree.Member['*']).toBeDefined();
    expect(tree.Member.phone).toBe(canSeePersonalData);
    expect(tree.Subscription).toBeUndefined();
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

  test('a known field passes (control: the context is enough for shield)', async () => {
    const result = await execute({ schema: guarded, document: parse('{ roles { role } }'), contextValue });
    expect(result.errors).toBeUndefined();
    expect((result.data?.roles as unknown[]).length).toBe(Object.values(Role).length);
  });

  test('an unknown Query field answers FORBIDDEN from the fallback, and its resolver never runs', async () => {
    const result = await execute({ schema: guarded, document: parse('{ unguardedSecret }'), contextValue, rootValue: { unguardedSecret: 'leak' } });
    expect(result.data).toEqual({ unguardedSecret: null });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  test('an unknown Mutation field answers FORBIDDEN from the fallback', async () => {
    const result = await execute({ schema: guarded, document: parse('mutation { unguardedWrite }'), contextValue, rootValue: { unguardedWrite: 'done' } });
    expect(result.data).toEqual({ unguardedWrite: null });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
