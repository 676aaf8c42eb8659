import { Permission } from '../../auth/permission';
import { OrgUnit } from '../../entities/org-unit';
import { ALLOWED_PARENT_KINDS, CellType, isCellKind, OrgUnitKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { badInput, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { notInFuture, optionalText, requiredText } from '../validate';
import { getOrgUnit } from './org-unit-queries';
import { correctCurrentVersion, datedFirstVersion } from './unit-versions';
import { todayInVietnam } from '../calendar';
import { searchKey, sortKey } from './vietnamese-text';

export interface CreateOrgUnitInput {
  readonly parentId: number | null;
  readonly kind: OrgUnitKind;
  readonly name: string;
  readonly cellType?: CellType | null;
  readonly code?: string | null;
  readonly foundedOn?: string | null;
}

export interface UpdateOrgUnitInput {
  readonly id: number;
  readonly version: number;
  readonly name?: string | null;
  readonly cellType?: CellType | null;
  readonly code?: string | null;
  readonly foundedOn?: string | null;
}

const NAME_MAX = 200;
const CODE_MAX = 50;

/** What the audit log keeps of a unit. */
export function unitSnapshot(unit: OrgUnit): Record<string, unknown> {
  return {
    name: unit.name,
    kind: unit.kind,
    cellType: unit.cellType ?? null,
    code: unit.code ?? null,
    foundedOn: unit.foundedOn ?? null,
    status: unit.status,
    parentId: unit.parent?.id ?? null,
    version: unit.version,
  };
}

function checkCellType(kind: OrgUnitKind, cellType: CellType | null | undefined): CellType | null {
  if (isCellKind(kind) && !cellType) throw badInput('input.cellType', `is required for a ${kind}`);
  if (!isCellKind(kind) && cellType) throw badInput('input.cellType', `only cells have a cell type, not a ${kind}`);
  return cellType ?? null;
}

export async function createOrgUnit(ctx: RequestContext, input: CreateOrgUnitInput): Promise<OrgUnit> {
  const name = requiredText(input.name, 'input.name', NAME_MAX);
  const code = optionalText(input.code, 'input.code', CODE_MAX);
  const foundedOn = input.foundedOn ? notInFuture(input.foundedOn, 'input.foundedOn') : null;
  const cellType = checkCellType(input.kind, input.cellType);

  let parent: OrgUnit | null = null;
  if (input.kind === OrgUnitKind.PROVINCE) {
    if (input.parentId !== null) throw badInput('input.parentId', 'a province is a root and has no parent');
    if (!ctx.viewer.can(Permission.TREE_WRITE, null)) throw forbidden('Only national administrators create provinces');
  } else {
    if (input.parentId === null) throw badInput('input.parentId', `is required for a ${input.kind}`);
    parent = await getOrgUnit(ctx, input.parentId);
    if (!ctx.viewer.can(Permission.TREE_WRITE, parent.path)) throw forbidden('You may not change the tree here');
    if (!ALLOWED_PARENT_KINDS[input.kind].includes(parent.kind)) {
      throw badInput('input.parentId', `a ${input.kind} cannot be placed under a ${parent.kind}`);
    }
    if (parent.status !== OrgUnitStatus.ACTIVE) throw badInput('input.parentId', 'the parent unit is dissolved');
  }

  return ctx.em.transactional(async (em) => {
    // The path holds the new id: take it from the sequence first so the row is written once, complete.
    // On the transaction's connection: another one from the pool deadlocks once every connection is in such a transaction.
    const [{ id }] = await em.getConnection().execute<{ id: number }[]>("select nextval('org_unit_id_seq')::int as id", [], 'all', em.getTransactionContext());
    const path = `${parent?.path ?? '/'}${id}/`;
    const provinceId = parent?.provinceId ?? id;
    const unit = em.create(OrgUnit, {
      id,
      provinceId,
      parent: parent ? em.getReference(OrgUnit, parent.id) : null,
      path,
      depth: parent ? parent.depth + 1 : 0,
      kind: input.kind,
      cellType,
      status: OrgUnitStatus.ACTIVE,
      name,
      nameSearch: searchKey(name),
      nameSortKey: sortKey(name),
      code,
      foundedOn,
    });
    await em.flush();
    // The insert trigger wrote the first version; a unit without a founding date exists from today.
    await datedFirstVersion(em, id, foundedOn ?? todayInVietnam(), ctx.viewer.accountId);
    audit(ctx, em, 'createOrgUnit', { type: 'OrgUnit', id, provinceId, unitPath: path }, null, unitSnapshot(unit));
    return unit;
  });
}

export async function updateOrgUnit(ctx: RequestContext, input: UpdateOrgUnitInput): Promise<OrgUnit> {
  const unit = await getOrgUnit(ctx, input.id);
  if (!ctx.viewer.can(Permission.TREE_WRITE, unit.path)) throw forbidden('You may not change this unit');
  if (unit.version !== input.version) throw staleVersion(input.version, unit.version);
  const before = unitSnapshot(unit);
  const name = input.name === undefined || input.name === null ? unit.name : requiredText(input.name, 'input.name', NAME_MAX);
  const code = input.code === undefined ? unit.code ?? null : optionalText(input.code, 'input.code', CODE_MAX);
  const foundedOn = input.foundedOn === undefined ? unit.foundedOn ?? null : input.foundedOn === null ? null : notInFuture(input.foundedOn, 'input.foundedOn');
  const cellType = input.cellType === undefined ? unit.cellType ?? null : checkCellType(unit.kind, input.cellType);

  return ctx.em.transactional(async (em) => {
    const managed = await em.findOneOrFail(OrgUnit, unit.id);
    em.assign(managed, { name, nameSearch: searchKey(name), nameSortKey: sortKey(name), code, foundedOn, cellType });
    await em.flush();
    // A correction, not a dated change: renameOrgUnit keeps the earlier name with its dates.
    await correctCurrentVersion(em, unit.id);
    audit(ctx, em, 'updateOrgUnit', { type: 'OrgUnit', id: unit.id, provinceId: unit.provinceId, unitPath: unit.path }, before, unitSnapshot(managed));
    return managed;
  });
}
