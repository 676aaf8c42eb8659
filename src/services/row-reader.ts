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

const columnsCache = new WeakMap<EntityMetadata, readonly Column[]>();

function columnsOf(meta: EntityMetadata): readonly Column[] {
  let columns = columnsCache.get(meta);
  if (!columns) {
    columns = Object.values(meta.properties)
      .filter((p) => (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) && p.fieldNames?.length === 1 && p.persist !== false)
      .map((p) => ({
        field: p.fieldNames[0],
        property: p.name,
        target: p.kind === ReferenceKind.MANY_TO_ONE ? (p.targetMeta?.class as EntityClass<object>) : undefined,
        instant: p.kind === ReferenceKind.SCALAR && p.runtimeType === 'Date',
      }));
    columnsCache.set(meta, columns);
  }
  return columns;
}

/**
 * Reads raw rows of a list page into read-only entity instances (right prototype, camelCase
 * properties, relations as id-only instances) without the identity map: hydrating a few hundred
 * rows per request through `em.map` was the largest CPU cost of nested lists (bench, decisions.md).
 * Never flush these: writes load their targets through `em.find`.
 */
export function readRows<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Row[]): T[] {
  const columns = columnsOf(em.getMetadata().get(entity.name));
  return rows.map((row) => {
    const instance = Object.create(entity.prototype) as Record<string, unknown>;
    for (const column of columns) {
      const value = row[column.field];
      if (column.target) {
        instance[column.property] = value === null || value === undefined ? null : Object.assign(Object.create(column.target.prototype), { id: value });
      } else if (column.instant && value !== null && value !== undefined && !(value instanceof Date)) {
        instance[column.property] = new Date(value as string);
      } else {
        instance[column.property] = value;
      }
    }
    return instance as T;
  });
}
