import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Inspection } from '../../entities/inspection';
import type { InspectionState } from '../../entities/inspection-enums';
import { badInput, conflict, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { isWithin } from '../../auth/can';
import { checkWritable } from './inspection-access';
import { getInspection } from './inspection-queries';

/**
 * The one path of every write on an inspection, in the order the errors are told: scope
 * (NOT_FOUND), the inspecting body's right (FORBIDDEN), `parse` (BAD_USER_INPUT), then in a
 * transaction on the locked row: the version the caller read (CONFLICT; null when the write adds
 * a row beside the inspection and needs none), then `work`.
 */
export async function onInspection<P, T>(
  ctx: RequestContext,
  inspectionId: number,
  version: number | null,
  parse: (inspection: Inspection) => P | Promise<P>,
  work: (em: EntityManager, inspection: Inspection, parsed: P) => Promise<T>,
): Promise<T> {
  const seen = await getInspection(ctx, inspectionId);
  checkWritable(ctx.viewer, seen);
  const parsed = await parse(seen);
  return ctx.em.transactional(async (em) => {
    const inspection = await em.findOneOrFail(Inspection, inspectionId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (version !== null && inspection.version !== version) throw staleVersion(version, inspection.version);
    const result = await work(em, inspection, parsed);
    await em.flush();
    return result;
  });
}

/** A transition needs the inspection in one of `from`: CONFLICT on the state otherwise. */
export function checkState(inspection: Inspection, from: readonly InspectionState[], what: string): void {
  if (!from.includes(inspection.state)) throw conflict(`Cannot ${what}: the inspection is ${inspection.state}`, { field: 'state', state: inspection.state });
}

/** Adding findings, remediation or discipline needs the inspection in one of `from`: BAD_USER_INPUT on the inspection id. */
export function checkStateForInput(inspection: Inspection, from: readonly InspectionState[], what: string): void {
  if (!from.includes(inspection.state)) throw badInput('input.inspectionId', `${what} needs the inspection ${from.join(' or ')}, it is ${inspection.state}`);
}

/** A unit or member path inside the inspecting body's subtree. */
export function checkInsideBody(inspectingUnitPath: string, path: string, field: string, strictly: boolean): void {
  if (!isWithin(path, inspectingUnitPath) || (strictly && path === inspectingUnitPath)) {
    throw badInput(field, "must be below the inspecting body (in its subtree)");
  }
}

export function auditInspection(ctx: RequestContext, em: EntityManager, operation: string, inspection: Inspection, before: Record<string, unknown> | null, after: Record<string, unknown>): void {
  audit(ctx, em, operation, { type: 'Inspection', id: inspection.id, provinceId: inspection.provinceId, unitPath: inspection.inspectingUnitPath }, before, after);
}

/** A date not after another (e.g. a step not before the previous one). */
export function notBefore(value: string, earliest: string | null | undefined, field: string, what: string): void {
  if (earliest && value < earliest) throw badInput(field, `must not be before ${what} (${earliest})`);
}
