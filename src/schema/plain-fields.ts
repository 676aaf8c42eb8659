import { getMetadataStorage } from 'type-graphql';

/** The parts of type-graphql's metadata read here (its storage is typed as internal). */
interface FieldsMetadata {
  readonly objectTypes: ReadonlyArray<{
    readonly name: string;
    readonly target: object;
    readonly fields?: ReadonlyArray<{ readonly name: string; readonly schemaName: string; readonly middlewares?: readonly unknown[]; readonly roles?: readonly unknown[] }>;
  }>;
  readonly fieldResolvers: ReadonlyArray<{ readonly schemaName: string; readonly getObjectType?: () => unknown }>;
}

let byType: ReadonlyMap<string, ReadonlySet<string>> | undefined;

/**
 * Per GraphQL object type, the fields type-graphql resolves by reading the property of the same
 * name, with no field resolver, middleware or role: their value is that property (one column of
 * an entity), nothing else. Read once the schema is built (src/schema/build-schema.ts).
 */
export function plainFieldsByType(): ReadonlyMap<string, ReadonlySet<string>> {
  if (byType === undefined) {
    const storage = getMetadataStorage() as unknown as FieldsMetadata;
    const map = new Map<string, ReadonlySet<string>>();
    for (const type of storage.objectTypes) {
      const resolved = new Set(storage.fieldResolvers.filter((r) => r.getObjectType?.() === type.target).map((r) => r.schemaName));
      const plain = (type.fields ?? []).filter(
        (f) => !resolved.has(f.schemaName) && f.name === f.schemaName && (f.middlewares?.length ?? 0) === 0 && (f.roles?.length ?? 0) === 0,
      );
      map.set(type.name, new Set(plain.map((f) => f.schemaName)));
    }
    byType = map;
  }
  return byType;
}

export function plainFields(typeName: string): ReadonlySet<string> {
  return plainFieldsByType().get(typeName) ?? new Set();
}
