import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { dissolveOrgUnit, mergeOrgUnits, splitOrgUnit } from '../services/tree/merge-split';
import { moveOrgUnit, renameOrgUnit } from '../services/tree/rename-move';
import { DissolveOrgUnitInput, MergeOrgUnitsInput, MoveOrgUnitInput, RenameOrgUnitInput, SplitOrgUnitInput } from '../schema/inputs/unit-operation-inputs';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { requiredId } from './ids';

/** Dated changes of the tree, each with its decision; history keeps every earlier state. */
@Resolver(() => OrgUnitType)
export class UnitOperationsResolver {
  @Mutation(() => OrgUnitType, { description: 'Renames a unit from a date; the earlier name stays in its history (đổi tên).' })
  renameOrgUnit(@Arg('input', () => RenameOrgUnitInput, { description: 'The renaming.' }) input: RenameOrgUnitInput, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return renameOrgUnit(ctx, { ...input, id: requiredId(input.id, 'OrgUnit', 'input.id') });
  }

  @Mutation(() => OrgUnitType, { description: 'Moves a unit and everything below it under another parent; every record follows in one transaction (điều chuyển).' })
  moveOrgUnit(@Arg('input', () => MoveOrgUnitInput, { description: 'The move.' }) input: MoveOrgUnitInput, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return moveOrgUnit(ctx, { ...input, id: requiredId(input.id, 'OrgUnit', 'input.id'), newParentId: requiredId(input.newParentId, 'OrgUnit', 'input.newParentId') });
  }

  @Mutation(() => OrgUnitType, { description: 'Merges units of one kind into one of them or into a new unit; returns the result (sáp nhập).' })
  mergeOrgUnits(@Arg('input', () => MergeOrgUnitsInput, { description: 'The merger.' }) input: MergeOrgUnitsInput, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return mergeOrgUnits(ctx, {
      on: input.on,
      decisionRef: input.decisionRef,
      units: input.units.map((u, i) => ({ id: requiredId(u.id, 'OrgUnit', `input.units.${i}.id`), version: u.version })),
      into: input.into ? { id: requiredId(input.into.id, 'OrgUnit', 'input.into.id'), version: input.into.version } : null,
      newUnit: input.newUnit,
    });
  }

  @Mutation(() => [OrgUnitType], { description: 'Splits a unit into new ones, placing each of its units and members; returns the parts (chia tách).' })
  splitOrgUnit(@Arg('input', () => SplitOrgUnitInput, { description: 'The split.' }) input: SplitOrgUnitInput, @Ctx() ctx: RequestContext): Promise<OrgUnit[]> {
    return splitOrgUnit(ctx, {
      id: requiredId(input.id, 'OrgUnit', 'input.id'),
      version: input.version,
      on: input.on,
      decisionRef: input.decisionRef,
      parts: input.parts.map((part, p) => ({
        unit: part.unit,
        childIds: part.childIds.map((id, i) => requiredId(id, 'OrgUnit', `input.parts.${p}.childIds.${i}`)),
        memberIds: part.memberIds.map((id, i) => requiredId(id, 'Member', `input.parts.${p}.memberIds.${i}`)),
      })),
    });
  }

  @Mutation(() => OrgUnitType, { description: 'Dissolves a unit with no active units or members left; its records stay (giải thể).' })
  dissolveOrgUnit(@Arg('input', () => DissolveOrgUnitInput, { description: 'The dissolution.' }) input: DissolveOrgUnitInput, @Ctx() ctx: RequestContext): Promise<OrgUnit> {
    return dissolveOrgUnit(ctx, { ...input, id: requiredId(input.id, 'OrgUnit', 'input.id') });
  }
}
