import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLNamedType,
} from 'graphql';
import { printableSchema } from '../../src/schema/build-schema';

const described = (description: string | null | undefined): boolean => typeof description === 'string' && description.trim() !== '';

/** Every schema element without a description, as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`. */
function undescribed(): string[] {
  const missing: string[] = [];
  const types = Object.values(printableSchema().getTypeMap()).filter(
    (type: GraphQLNamedType) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
  );
  for (const type of types) {
    if (!described(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
      }
    } else if (isUnionType(type)) {
      // A union has no members of its own to describe: its type description suffices.
    }
  }
  return missing.sort();
}

test('every type, field, argument and enum value of the schema has a description', () => {
  const missing = undescribed();
  if (missing.length > 0) {
    throw new Error(`${missing.length} schema elements have no description (add one in src/schema or src/resolvers, then run \`npm run schema\`):\n  ${missing.join('\n  ')}`);
  }
});
