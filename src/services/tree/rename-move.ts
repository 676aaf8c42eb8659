import { Permission } from '../../auth/permission';
import { OrgUnit } from '../../entities/org-unit';
import { ALLOWED_PARENT_KINDS, OrgUnitStatus } from '../../entities/org-unit-enums';
import { badInput, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { notInFuture, requiredText } from '../validate';
import { unitSnapshot } from './org-unit-commands';
import { getOrgUnit } from './org-unit-queries';
import { contextOn } from '../../context-factory';
import { rewriteSubtreeScope } from './tenant-scope';
import { lockUnits } from './unit-locks';
import { checkNotBeforeLastChange, recordVersions } from './unit-versions';
import { searchKey, sortKey } from './vietnamese-text';

/** What every dated operation on the tree carries: the day it takes effect and its decision (số quyết định). */
export interface DatedDecision {
  readonly on: string;
  readonly decisionRef: string;
}

export function checkDecision(input: DatedDecision): DatedDecision {
  return { on: notInFuture(input.on, 'input.on'), decisionRef: requiredText(input.decisionRef, 'input.decisionRef', 200) };
}

/** The unit to change: in scope (else NOT_FOUND), writable (else FORBIDDEN), active, at the version read. */
export async function unitToChange(ctx: RequestContext, id: number, version: number | null, field: string): Promise<OrgUnit> {
  const unit = await getOrgUnit(ctx, id);
  if (!ctx.viewer.can(Permission.TREE_WRITE, unit.path)) throw forbidden('You may not change this unit');
  if (version !== null && unit.version !== version) throw staleVersion(version, unit.version);
  if (unit.status !== OrgUnitStatus.ACTIVE) throw badInput(field, 'the unit is dissolved');
  return unit;
}

/** Renames a unit from a date; the earlier name stays in its history (đổi tên). */
export async function renameOrgUnit(ctx: RequestContext, input: DatedDecision & { id: number; version: number; name: string }): Promise<OrgUnit> {
  const decision = checkDecision(input);
  const name = requiredText(input.name, 'input.name', 200);
  return ctx.em.transactional(async (em) => {
    const tx = contextOn(ctx, em);
    // Locked before the checks, as every change of a unit (decisions.md §40).
    await lockUnits(em, [input.id], 'update');
    const unit = await unitToChange(tx, input.id, input.version, 'input.id');
    if (name === unit.name) throw badInput('input.name', 'is the current name');
    await checkNotBeforeLastChange(em, [unit.id], decision.on, 'input.on');
    const before = unitSnapshot(unit);
    em.assign(unit, { name, nameSearch: searchKey(name), nameSortKey: sortKey(name) });
    await em.flush();
    await recordVersions(ctx, em, [unit.id], decision.on, 'RENAMED', decision.decisionRef);
    audit(ctx, em, 'renameOrgUnit', { type: 'OrgUnit', id: unit.id, provinceId: unit.provinceId, unitPath: unit.path }, before, { ...unitSnapshot(unit), ...decision });
    return unit;
  }, { clear: true });
}

/**
 * Moves a unit and its subtree under another parent. Every row of the subtree (members, meetings,
 * evaluations, role assignments …) follows in the same transaction; history keeps the old paths.
 * Across provinces only for national administrators.
 */
export async function moveOrgUnit(ctx: RequestContext, input: DatedDecision & { id: number; version: number; newParentId: number }): Promise<OrgUnit> {
  const decision = checkDecision(input);
  return ctx.em.transactional(async (em) => {
    const tx = contextOn(ctx, em);
    // The unit and its new parent, in id order, before any check: a merge or dissolution of either
    // waits for the move or is waited for (then the move finds the parent dissolved).
    await lockUnits(em, [input.id, input.newParentId], 'update');
    const unit = await unitToChange(tx, input.id, input.version, 'input.id');
    const parent = await getOrgUnit(tx, input.newParentId);
    if (parent.path.startsWith(unit.path)) throw badInput('input.newParentId', 'a unit cannot move under itself or its descendant');
    if (!ctx.viewer.can(Permission.TREE_WRITE, parent.path)) throw forbidden('You may not change the tree under the new parent');
    if (unit.parent?.id === parent.id) throw badInput('input.newParentId', 'is already the parent');
    if (parent.status !== OrgUnitStatus.ACTIVE) throw badInput('input.newParentId', 'the new parent is dissolved');
    if (!ALLOWED_PARENT_KINDS[unit.kind].includes(parent.kind)) throw badInput('input.newParentId', `a ${unit.kind} cannot be placed under a ${parent.kind}`);
    if (parent.provinceId !== unit.provinceId && !ctx.viewer.can(Permission.TREE_WRITE, null)) throw forbidden('Moves across provinces are for national administrators');
    const subtree = await em.getConnection().execute<Array<{ id: number }>>('select id from org_unit where path like ?', [`${unit.path}%`], 'all', em.getTransactionContext());
    const ids = subtree.map((r) => r.id);
    await checkNotBeforeLastChange(em, ids, decision.on, 'input.on');
    // `unit` is the entity refreshed below: keep the old path for the audit.
    const oldPath = unit.path;
    const before = unitSnapshot(unit);
    unit.parent = em.getReference(OrgUnit, parent.id);
    unit.updatedAt = new Date();
    await em.flush();
    await rewriteSubtreeScope(em, oldPath, `${parent.path}${unit.id}/`, parent.depth + 1 - unit.depth, parent.provinceId);
    await em.refresh(unit);
    await recordVersions(ctx, em, ids, decision.on, 'MOVED', decision.decisionRef);
    audit(ctx, em, 'moveOrgUnit', { type: 'OrgUnit', id: unit.id, provinceId: parent.provinceId, unitPath: unit.path }, { ...before, path: oldPath }, { ...unitSnapshot(unit), path: unit.path, units: ids.length, ...decision });
    return unit;
  }, { clear: true });
}
