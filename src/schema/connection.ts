import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { encodeCursor, type Page } from '../services/pagination';
import { PageInfo } from './page-info';

@ArgsType()
export class PageArgsInput {
  @Field(() => Int, { nullable: true, description: 'Items after `after`, at most 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to start after.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Items before `before`, at most 100.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to end before.' })
  before?: string | null;
}

export interface EdgeValue<T> {
  readonly node: T;
  readonly cursor: string;
}

export interface ConnectionValue<T> {
  readonly edges: EdgeValue<T>[];
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/** Relay connection and edge types for one node type. */
export function connectionTypes<T extends object>(name: string, nodeType: ClassType<T>, vietnamese: string): ClassType {
  @ObjectType(`${name}Edge`, { description: `An edge to a ${name} (${vietnamese}).` })
  class Edge {
    @Field(() => nodeType, { description: 'The item.' })
    node!: T;

    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (danh sách ${vietnamese}).` })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page stands in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, all pages.' })
    totalCount!: number;
  }
  return Connection;
}

/** A service page as a connection value; totalCount runs its query only when asked for. */
export function toConnection<T>(page: Page<T>): ConnectionValue<T> {
  const edges = page.nodes.map((node, i) => ({ node, cursor: encodeCursor(page.offset + i) }));
  return {
    edges,
    nodes: page.nodes,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount(): Promise<number> {
      return page.totalCount();
    },
  };
}
