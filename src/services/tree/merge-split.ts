import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { OrgUnit } from '../../entities/org-unit';
import { isCellKind, OrgUnitStatus, type CellType } from '../../entities/org-unit-enums';
import { badInput, conflict, forbidden } from '../../errors/app-error';
import { contextOn } from '../../context-factory';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { membersIn, reorganiseMembers } from '../members/reorganisation';
import { createOrgUnit, unitSnapshot } from './org-unit-commands';
import { checkDecision, unitToChange, type DatedDecision } from './rename-move';
import { rewriteSubtreeScope } from './tenant-scope';
import { lockForRestructuring } from './unit-locks';
import { checkNoMemberHistoryAfter, checkNotBeforeLastChange, recordVersions } from './unit-versions';
import { optionalText, requiredText } from '../validate';

export interface NewUnit {
  readonly name: string;
  readonly code?: string | null;
  readonly cellType?: CellType | null;
}

/**
 * A unit the operation will create, checked before anything is written, with the fields named as
 * the client sent them (createOrgUnit would name them `input.name`, `input.cellType`).
 */
function checkNewUnit(unit: NewUnit, kind: OrgUnit['kind'], inherited: CellType | null | undefined, field: string): NewUnit {
  const name = requiredText(unit.name, `${field}.name`, 200);
  const code = optionalText(unit.code, `${field}.code`, 50);
  if (unit.cellType && !isCellKind(kind)) throw badInput(`${field}.cellType`, `only cells have a cell type, not a ${kind}`);
  const cellType = unit.cellType ?? inherited ?? null;
  if (isCellKind(kind) && !cellType) throw badInput(`${field}.cellType`, `is required for a ${kind}`);
  return { name, code, cellType };
}

const parentPath = (path: string): string => path.replace(/[0-9]+\/$/, '');

/** New units go under the parent: the caller must be able to create them there (createOrgUnit would answer NOT_FOUND for a parent out of scope). */
function checkMayCreateUnder(ctx: RequestContext, unit: OrgUnit): void {
  if (!ctx.viewer.can(Permission.TREE_WRITE, unit.parent ? parentPath(unit.path) : null)) throw forbidden('You may not create units under the parent of this unit');
}

const ref = (u: OrgUnit): { id: number; path: string; provinceId: number } => ({ id: u.id, path: u.path, provinceId: u.provinceId });

async function activeChildren(em: EntityManager, unitId: number): Promise<OrgUnit[]> {
  return em.find(OrgUnit, { parent: unitId, status: OrgUnitStatus.ACTIVE }, { orderBy: { id: 'asc' } });
}

async function subtreeIds(em: EntityManager, path: string): Promise<number[]> {
  const rows = await em.getConnection().execute<Array<{ id: number }>>('select id from org_unit where path like ? order by id', [`${path}%`], 'all', em.getTransactionContext());
  return rows.map((r) => r.id);
}

/** Transfers in flight hold a member between two cells: a unit that is merged or split away must have none. */
async function checkNoTransfersInFlight(em: EntityManager, unit: OrgUnit, field: string): Promise<void> {
  const rows = await em.getConnection().execute<Array<{ n: number }>>(
    "select count(*)::int as n from member_transfer where state = 'SENT' and (from_unit_id = ? or to_unit_id = ?)",
    [unit.id, unit.id],
    'all',
    em.getTransactionContext(),
  );
  if (rows[0].n > 0) throw conflict(`${unit.name} has ${rows[0].n} transfer(s) in flight: receive or cancel them first`, { field });
}

/** Moves a unit (and its subtree) under a new parent as part of a restructuring, with its versions. */
async function reattach(ctx: RequestContext, em: EntityManager, child: OrgUnit, parent: OrgUnit, decision: DatedDecision, change: 'MERGED' | 'SPLIT'): Promise<void> {
  const oldPath = child.path;
  child.parent = em.getReference(OrgUnit, parent.id);
  await em.flush();
  await rewriteSubtreeScope(em, oldPath, `${parent.path}${child.id}/`, parent.depth + 1 - child.depth, parent.provinceId);
  await recordVersions(ctx, em, await subtreeIds(em, `${parent.path}${child.id}/`), decision.on, change, decision.decisionRef);
}

/** Ends a unit that went into successors: dissolved on the day, its history and records kept where they are. */
async function retire(ctx: RequestContext, em: EntityManager, unit: OrgUnit, successors: readonly OrgUnit[], kind: 'MERGED_INTO' | 'SPLIT_INTO', decision: DatedDecision): Promise<void> {
  unit.status = OrgUnitStatus.DISSOLVED;
  unit.dissolvedOn = decision.on;
  unit.successor = successors.length === 1 ? em.getReference(OrgUnit, successors[0].id) : null;
  await em.flush();
  await recordVersions(ctx, em, [unit.id], decision.on, kind === 'MERGED_INTO' ? 'MERGED' : 'SPLIT', decision.decisionRef);
  for (const successor of successors) {
    await em.getConnection().execute(
      'insert into unit_succession (predecessor_id, successor_id, kind, occurred_on, decision_ref) values (?, ?, ?, ?, ?)',
      [unit.id, successor.id, kind, decision.on, decision.decisionRef],
      'run',
      em.getTransactionContext(),
    );
  }
}

/**
 * Merges units of one kind (sáp nhập): into one of them (A into B) or into a new unit (A and B
 * into C, created under the first unit's parent). Each unit merged away hands its active units
 * and its members to the result and is dissolved, pointing to it; its meetings, evaluations and
 * history stay with it.
 */
export async function mergeOrgUnits(
  ctx: RequestContext,
  input: DatedDecision & { units: ReadonlyArray<{ id: number; version: number }>; into?: { id: number; version: number } | null; newUnit?: NewUnit | null },
): Promise<OrgUnit> {
  const decision = checkDecision(input);
  if (Boolean(input.into) === Boolean(input.newUnit)) throw badInput('input.into', 'give either an existing unit (into) or a new one (newUnit)');
  const minimum = input.into ? 1 : 2;
  if (input.units.length < minimum) throw badInput('input.units', `name at least ${minimum} unit(s) to merge`);
  // Every unit named, locked before any check: two merges over the same units (or crossed, A into
  // B while B into A) queue, and the second sees what the first did, as it would run after it.
  const named = [...input.units.map((u) => u.id), ...(input.into ? [input.into.id] : [])];
  return ctx.em.transactional(async (em) => {
    const tx = contextOn(ctx, em);
    await lockForRestructuring(em, named);
    const sources: OrgUnit[] = [];
    for (const [i, u] of input.units.entries()) {
      const unit = await unitToChange(tx, u.id, u.version, `input.units.${i}.id`);
      if (sources.some((s) => s.id === unit.id)) throw badInput(`input.units.${i}.id`, 'names a unit twice');
      if (sources.length > 0 && unit.kind !== sources[0].kind) throw badInput(`input.units.${i}.id`, `units of different kinds cannot merge (${sources[0].kind} and ${unit.kind})`);
      sources.push(unit);
    }
    const target = input.into ? await unitToChange(tx, input.into.id, input.into.version, 'input.into.id') : null;
    if (target) {
      if (target.kind !== sources[0].kind) throw badInput('input.into.id', `units of different kinds cannot merge (${sources[0].kind} and ${target.kind})`);
      if (sources.some((s) => s.id === target.id)) throw badInput('input.into.id', 'is also one of the units merged away');
    }
    for (const [i, s] of sources.entries()) {
      if (sources.some((o) => o !== s && o.path.startsWith(s.path)) || (target && (target.path.startsWith(s.path) || s.path.startsWith(target.path)))) {
        throw badInput(`input.units.${i}.id`, 'a unit cannot merge with its own ancestor or descendant');
      }
      await checkNoTransfersInFlight(em, s, `input.units.${i}.id`);
    }
    if (input.newUnit) checkMayCreateUnder(ctx, sources[0]);
    const newUnit = input.newUnit ? checkNewUnit(input.newUnit, sources[0].kind, sources[0].cellType, 'input.newUnit') : null;
    // The units merged away, everything under them (reattached to the result) and the result.
    const moved: number[] = [];
    for (const s of sources) moved.push(...(await subtreeIds(em, s.path)));
    await checkNotBeforeLastChange(em, [...moved, ...(target ? [target.id] : [])], decision.on, 'input.on');
    await checkNoMemberHistoryAfter(em, sources.map((s) => s.id), decision.on, 'input.on');
    const parentId = sources[0].parent?.id ?? null;
    const result = target ?? (await createOrgUnit(tx, { parentId, kind: sources[0].kind, name: (newUnit as NewUnit).name, code: newUnit?.code, cellType: newUnit?.cellType ?? null, foundedOn: decision.on }));
    if (target) {
      // The receiving unit changes too (it gains units and members): its version moves on.
      result.updatedAt = new Date();
      await em.flush();
    }
    for (const source of sources) {
      const before = unitSnapshot(source);
      for (const child of await activeChildren(em, source.id)) await reattach(tx, em, child, result, decision, 'MERGED');
      const members = await membersIn(em, source.id, decision.on);
      if (members.length > 0 && !isCellKind(result.kind)) throw badInput('input.units', `${source.name} has members but the result is not a cell`);
      await reorganiseMembers(tx, em, ref(source), members.map((memberId) => ({ memberId, to: ref(result) })), decision.on, decision.decisionRef);
      await retire(tx, em, source, [result], 'MERGED_INTO', decision);
      audit(ctx, em, 'mergeOrgUnit', { type: 'OrgUnit', id: source.id, provinceId: source.provinceId, unitPath: source.path }, before, { ...unitSnapshot(source), mergedInto: result.id, members: members.length, ...decision });
    }
    return result;
  }, { clear: true });
}

export interface SplitPart {
  readonly unit: NewUnit;
  readonly childIds: readonly number[];
  readonly memberIds: readonly number[];
}

/**
 * Splits a unit (chia tách) into new units under the same parent, each with the children and
 * members the decision names; every active child and every member must go somewhere. The unit
 * split is dissolved and points to its parts.
 */
export async function splitOrgUnit(ctx: RequestContext, input: DatedDecision & { id: number; version: number; parts: readonly SplitPart[] }): Promise<OrgUnit[]> {
  const decision = checkDecision(input);
  return ctx.em.transactional(async (em) => {
    const tx = contextOn(ctx, em);
    // Locked before any check: a concurrent merge, split or transfer of the unit waits, then sees this one.
    await lockForRestructuring(em, [input.id]);
    const unit = await unitToChange(tx, input.id, input.version, 'input.id');
    if (input.parts.length < 2) throw badInput('input.parts', 'a split makes at least two units');
    if (!unit.parent) throw badInput('input.id', 'a province is not split here');
    checkMayCreateUnder(ctx, unit);
    await checkNoTransfersInFlight(em, unit, 'input.id');
    const newUnits = input.parts.map((part, p) => checkNewUnit(part.unit, unit.kind, unit.cellType, `input.parts.${p}.unit`));
    // The unit split and everything under it (its children are reattached to the parts).
    await checkNotBeforeLastChange(em, await subtreeIds(em, unit.path), decision.on, 'input.on');
    await checkNoMemberHistoryAfter(em, [unit.id], decision.on, 'input.on');
    const children = new Set((await activeChildren(em, unit.id)).map((c) => c.id));
    const members = new Set(await membersIn(em, unit.id, decision.on));
    const placed = new Set<string>();
    input.parts.forEach((part, p) => {
      part.childIds.forEach((id, i) => {
        const field = `input.parts.${p}.childIds.${i}`;
        if (!children.has(id)) throw badInput(field, 'is not an active unit directly under the unit split');
        if (placed.has(`u${id}`)) throw badInput(field, 'is placed in two parts');
        placed.add(`u${id}`);
      });
      part.memberIds.forEach((id, i) => {
        const field = `input.parts.${p}.memberIds.${i}`;
        if (!members.has(id)) throw badInput(field, `is not a member of the unit split on ${decision.on}`);
        if (placed.has(`m${id}`)) throw badInput(field, 'is placed in two parts');
        placed.add(`m${id}`);
      });
      if (part.memberIds.length > 0 && !isCellKind(unit.kind)) throw badInput(`input.parts.${p}.memberIds`, 'only cells hold members');
    });
    const unplacedUnits = [...children].filter((id) => !placed.has(`u${id}`)).length;
    const unplacedMembers = [...members].filter((id) => !placed.has(`m${id}`)).length;
    if (unplacedUnits + unplacedMembers > 0) {
      throw badInput('input.parts', `every unit and member must go to a part: ${unplacedUnits} unit(s) and ${unplacedMembers} member(s) are not placed`);
    }
    const source = unit;
    const before = unitSnapshot(source);
    const target = { id: unit.id, path: unit.path, provinceId: unit.provinceId };
    const parts: OrgUnit[] = [];
    for (const [p, part] of input.parts.entries()) {
      const created = await createOrgUnit(tx, { parentId: unit.parent?.id ?? null, kind: unit.kind, name: newUnits[p].name, code: newUnits[p].code, cellType: newUnits[p].cellType ?? null, foundedOn: decision.on });
      for (const childId of part.childIds) await reattach(tx, em, await em.findOneOrFail(OrgUnit, childId), created, decision, 'SPLIT');
      await reorganiseMembers(tx, em, ref(source), part.memberIds.map((memberId) => ({ memberId, to: ref(created) })), decision.on, decision.decisionRef);
      parts.push(created);
    }
    await retire(tx, em, source, parts, 'SPLIT_INTO', decision);
    audit(ctx, em, 'splitOrgUnit', { type: 'OrgUnit', id: target.id, provinceId: target.provinceId, unitPath: target.path }, before, { ...unitSnapshot(source), parts: parts.map((p) => p.id), ...decision });
    return parts;
  }, { clear: true });
}

/** Dissolves a unit (giải thể) that no longer has active units or members; its records stay. */
export async function dissolveOrgUnit(ctx: RequestContext, input: DatedDecision & { id: number; version: number }): Promise<OrgUnit> {
  const decision = checkDecision(input);
  return ctx.em.transactional(async (em) => {
    const tx = contextOn(ctx, em);
    // Locked before any check: a transfer into the unit, or a unit moved under it, waits and then finds it dissolved.
    await lockForRestructuring(em, [input.id]);
    const unit = await unitToChange(tx, input.id, input.version, 'input.id');
    if (!unit.parent) throw badInput('input.id', 'a province is not dissolved here');
    const children = (await activeChildren(em, unit.id)).length;
    const members = (await membersIn(em, unit.id, decision.on)).length;
    if (children + members > 0) throw badInput('input.id', `the unit still has ${children} active unit(s) and ${members} member(s): move, transfer or merge them first`);
    await checkNoTransfersInFlight(em, unit, 'input.id');
    await checkNotBeforeLastChange(em, await subtreeIds(em, unit.path), decision.on, 'input.on');
    await checkNoMemberHistoryAfter(em, [unit.id], decision.on, 'input.on');
    const before = unitSnapshot(unit);
    unit.status = OrgUnitStatus.DISSOLVED;
    unit.dissolvedOn = decision.on;
    await em.flush();
    await recordVersions(ctx, em, [unit.id], decision.on, 'DISSOLVED', decision.decisionRef);
    audit(ctx, em, 'dissolveOrgUnit', { type: 'OrgUnit', id: unit.id, provinceId: unit.provinceId, unitPath: unit.path }, before, { ...unitSnapshot(unit), ...decision });
    return unit;
  }, { clear: true });
}
