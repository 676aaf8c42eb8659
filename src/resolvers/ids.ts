import { fromGlobalId, type NodeType } from '../services/global-id';

/** Decodes an optional global id argument; absent stays absent. */
export function optionalId(globalId: string | null | undefined, type: NodeType, field: string): number | null {
  return globalId === null || globalId === undefined ? null : fromGlobalId(globalId, type, field);
}

export { fromGlobalId as requiredId };
