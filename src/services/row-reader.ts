import { ReferenceKind, type EntityClass, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;

interface Column {
  readonly field: string;
  readonly property: string;
  /** For a many-to-one: the target class, read as an id-only instance. */
  readonly target?: EntityClass<object>;
  /** A timestamp: the driver hands raw rows' timestamps over as text, the schema wants a Date. */
  readonly instant?: boolean;
}

type RowReader = (row: Row) => object;

const readers = new WeakMap<EntityMetadata, RowReader>();
const references = new WeakMap<EntityClass<object>, (id: unknown) => object>();

function columnsOf(meta: EntityMetadata): readonly Column[] {
  return Object.values(meta.properties)
    .filter((p) => (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) && p.fieldNames?.length === 1 && p.persist !== false)
    .map((p) => ({
      field: p.fieldNames[0],
      property: p.name,
      target: p.kind === ReferenceKind.MANY_TO_ONE ? (p.targetMeta?.class as EntityClass<object>) : undefined,
      instant: p.kind === ReferenceKind.SCALAR && p.runtimeType === 'Date',
    }));
}

/**
 * A prototype between the entity's and the instance: the entity's methods and `instanceof` stay,
 * while MikroORM's lazy property setters on the entity prototype (each first write defines an
 * accessor on the instance and builds its WrappedEntity: 11% of a cells page's CPU, profile in
 * docs/performance.md) are shadowed by plain writable data properties, so an assignment makes an
 * ordinary own property.
 */
function readOnlyPrototype(entity: EntityClass<object>, properties: readonly string[]): object {
  const prototype = Object.create(entity.prototype) as object;
  for (const property of properties) {
    Object.defineProperty(prototype, property, { value: undefined, writable: true, enumerable: false, configurable: true });
  }
  return prototype;
}

/** An id-only instance of a relation's target (`member.unit.id`), as `em.getReference` would give without the identity map. */
function referenceOf(target: EntityClass<object>): (id: unknown) => object {
  let make = references.get(target);
  if (!make) {
    const prototype = readOnlyPrototype(target, ['id']);
    make = (id: unknown) => {
      const reference = Object.create(prototype) as { id: unknown };
      reference.id = id;
      return reference;
    };
    references.set(target, make);
  }
  return make;
}

/**
 * Compiles one reader per entity: a constructor that assigns every column in the same order, so
 * every instance shares one hidden class and GraphQL's property reads stay monomorphic.
 */
function compileReader(meta: EntityMetadata): RowReader {
  const columns = columnsOf(meta);
  const prototype = readOnlyPrototype(meta.class as EntityClass<object>, columns.map((c) => c.property));
  const toReference = columns.map((c) => (c.target ? referenceOf(c.target) : null));
  const body = columns
    .map((c, i) => {
      const value = `row[${JSON.stringify(c.field)}]`;
      const target = `this[${JSON.stringify(c.property)}]`;
      if (c.target) return `${target} = ${value} == null ? null : refs[${i}](${value});`;
      if (c.instant) return `${target} = ${value} == null || ${value} instanceof Date ? ${value} : new Date(${value});`;
      return `${target} = ${value};`;
    })
    .join('\n');
  // Generated from the entity metadata only (property and column names, JSON-quoted), never from data.
  const Instance = new Function('refs', `return function ReadOnlyRow(row) {\n${body}\n};`)(toReference) as {
    new (row: Row): object;
    prototype: object;
  };
  Instance.prototype = prototype;
  return (row) => new Instance(row);
}

/**
 * Reads raw rows of a list page or a lookup into read-only entity instances (right prototype,
 * camelCase properties, relations as id-only instances) without the identity map or MikroORM's
 * per-instance helpers. Never flush these: writes load their targets through `em.find`.
 */
export function readRows<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Row[]): T[] {
  const meta = em.getMetadata().get(entity.name);
  let read = readers.get(meta);
  if (!read) {
    read = compileReader(meta);
    readers.set(meta, read);
  }
  return rows.map((row) => read(row) as T);
}
