import { GraphQLError, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';

/** What a `__type` lookup may select with introspection off: whether the named type exists, nothing about it. */
const NAME_ONLY = new Set(['name', '__typename']);

function selectsNameOnly(set: SelectionSetNode | undefined): boolean {
  return set !== undefined && set.selections.every((s) => s.kind === Kind.FIELD && NAME_ONLY.has(s.name.value) && !s.selectionSet);
}

/**
 * Introspection off (production), in place of Apollo's NoIntrospection: `__schema` is refused and
 * `__type(name:)` only with nothing but `name` (and `__typename`) selected, written out (no
 * fragments). Such a lookup tells whether a type of that name exists, which validation errors
 * already tell anyone (`... on Member`, `query($f: MemberFilter)` answer "Unknown type"), and no
 * field, argument, value or description. The GraphQL-over-HTTP audit's MUST cases send exactly
 * `{ __type(name: …) { name } }` (decisions.md §38).
 */
export const typeNameLookupOnly: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name !== '__schema' && name !== '__type') return;
    if (name === '__type' && selectsNameOnly(node.selectionSet)) return;
    context.reportError(
      new GraphQLError('GraphQL introspection is not allowed; only __typename and __type(name:) { name } are answered', {
        nodes: [node],
        extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' },
      }),
    );
  },
});
