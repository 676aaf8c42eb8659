import type { RequestHandler } from 'express';
import { Kind, parse, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** Selected fields per document, duplicates and __typename included (the statistics page selects ~160). */
export const MAX_FIELDS = 500;
/**
 * Work of graphql-js's same-name merge check (OverlappingFieldsCanBeMerged), in units of one
 * comparison of two argument-less fields (see mergeWork). The worst documents at this bound
 * validate in 3–8 ms on the loaded 2-core box; the clients' queries have none (no field repeated).
 */
export const MAX_MERGE_WORK = 10_000;
/** Fields visited with fragments expanded; bounds this check's own time (a fragment spread twice per level doubles). */
const MAX_EXPANDED = 10 * MAX_FIELDS;
/**
 * A field's share of each comparison, in the same units, measured on the loaded 2-core CI box: a
 * selection set adds ~1 (the sub-selections are compared too), each argument and each node of an
 * argument value ~8 (graphql-js sorts and prints both argument lists on every comparison), and
 * printing ~1 per 250 characters of argument text.
 */
const SELECTION_SET_WEIGHT = 1;
const ARGUMENT_NODE_WEIGHT = 8;
const CHARACTERS_PER_UNIT = 250;

class TooManyExpanded extends Error {}

interface ArgumentSize {
  nodes: number;
  chars: number;
}

function measureValue(value: ValueNode, size: ArgumentSize): void {
  size.nodes += 1;
  switch (value.kind) {
    case Kind.LIST:
      size.chars += 2;
      for (const v of value.values) measureValue(v, size);
      break;
    case Kind.OBJECT:
      size.chars += 2;
      for (const f of value.fields) {
        size.nodes += 1;
        size.chars += f.name.value.length + 2;
        measureValue(f.value, size);
      }
      break;
    case Kind.VARIABLE:
      size.chars += value.name.value.length + 1;
      break;
    case Kind.NULL:
      size.chars += 4;
      break;
    default:
      size.chars += value.value.toString().length + 2;
  }
}

function fieldWeight(field: FieldNode): number {
  const size: ArgumentSize = { nodes: 0, chars: 0 };
  for (const a of field.arguments ?? []) {
    size.nodes += 1;
    size.chars += a.name.value.length + 2;
    measureValue(a.value, size);
  }
  return (field.selectionSet ? SELECTION_SET_WEIGHT : 0) + (size.nodes === 0 ? 0 : size.nodes * ARGUMENT_NODE_WEIGHT + size.chars / CHARACTERS_PER_UNIT);
}

interface PathTally {
  fields: number;
  weight: number;
}

/**
 * What graphql-js's merge check costs, estimated from above: every two fields under the same
 * response name at the same response path (fragments expanded; the check compares them, and the
 * children of every two such parents) count 1 plus both fields' weights (fieldWeight). Unused
 * fragments are checked on their own too, as graphql-js does.
 */
export function mergeWork(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const paths = new Map<string, PathTally>();
  const spreading = new Set<string>();
  let expanded = 0;

  const walk = (set: SelectionSetNode, path: string): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if ((expanded += 1) > MAX_EXPANDED) throw new TooManyExpanded();
        const at = `${path}.${selection.alias?.value ?? selection.name.value}`;
        const tally = paths.get(at) ?? { fields: 0, weight: 0 };
        tally.fields += 1;
        tally.weight += fieldWeight(selection);
        paths.set(at, tally);
        if (selection.selectionSet) walk(selection.selectionSet, at);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, path);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A cycle or an unknown fragment is refused by validation; here it just ends the walk.
        if (!fragment || spreading.has(fragment.name.value)) continue;
        spreading.add(fragment.name.value);
        walk(fragment.selectionSet, path);
        spreading.delete(fragment.name.value);
      }
    }
  };
  try {
    document.definitions.forEach((d, i) => {
      if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet, String(i));
    });
  } catch (error) {
    if (error instanceof TooManyExpanded) return Infinity;
    throw error;
  }
  let work = 0;
  // Each of n fields is compared with the n - 1 others: n(n-1)/2 pairs, each field's weight n - 1 times.
  for (const { fields, weight } of paths.values()) work += (fields * (fields - 1)) / 2 + (fields - 1) * weight;
  return Math.ceil(work);
}

function parsed(query: string, maxTokens: number): DocumentNode | null {
  try {
    return parse(query, { maxTokens, noLocation: true });
  } catch {
    return null; // Apollo answers the syntax error itself.
  }
}

function refusal(message: string, limit: number): { errors: unknown[] } {
  return { errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } }] };
}

/** Documents already let through: the same query text is not parsed and walked again (Apollo caches its own parse). */
const ACCEPTED_CACHE_SIZE = 1000;
const ACCEPTED_MAX_LENGTH = 20_000;

/**
 * graphql-js checks that same-named fields can merge in time quadratic in their number, and
 * compares their arguments by printing them: a 3,000-token query repeating one field took ~1 s
 * of validation and stalled the event loop, and 250 copies of `orgUnit(id: "…") { id }` 0.3–1.3 s
 * (issue #15). Apollo runs every validation rule in one pass and armor's rules only report, so a
 * rule cannot stop that check; this runs before Apollo and refuses more than MAX_FIELDS selected
 * fields or more than MAX_MERGE_WORK of merge work with a 400 GRAPHQL_VALIDATION_FAILED naming
 * the limit.
 */
export function fieldLimit(maxTokens: number): RequestHandler {
  const accepted = new Set<string>();
  return (req, res, next) => {
    const query: unknown = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
    if (typeof query !== 'string' || accepted.has(query)) {
      next();
      return;
    }
    const document = parsed(query, maxTokens);
    if (document === null) {
      next();
      return;
    }
    let fields = 0;
    visit(document, { Field() { fields += 1; } });
    if (fields > MAX_FIELDS) {
      res.status(400).json(refusal(`The operation selects ${fields} fields; at most ${MAX_FIELDS} are allowed`, MAX_FIELDS));
      return;
    }
    const work = mergeWork(document);
    if (work > MAX_MERGE_WORK) {
      res.status(400).json(refusal(`The operation repeats same-named fields too often (merge work ${Number.isFinite(work) ? work : 'unbounded'}); at most ${MAX_MERGE_WORK} is allowed`, MAX_MERGE_WORK));
      return;
    }
    if (query.length <= ACCEPTED_MAX_LENGTH) {
      if (accepted.size >= ACCEPTED_CACHE_SIZE) accepted.clear();
      accepted.add(query);
    }
    next();
  };
}
