import { LockMode } from '@mikro-orm/core';
import { InspectionState, RemediationStatus } from '../../entities/inspection-enums';
import { OrgUnit } from '../../entities/org-unit';
import { RemediationAction } from '../../entities/remediation-action';
import { conflict, notFound, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { getOrgUnit } from '../tree/org-unit-queries';
import { notInFuture, optionalText, requiredText, validDate } from '../validate';
import { checkWritable } from './inspection-access';
import { auditInspection, checkInsideBody, checkStateForInput, notBefore, onInspection } from './inspection-guard';
import { accessTo, findInspection, getInspection } from './inspection-queries';

export interface AddRemediationInput {
  readonly inspectionId: number;
  readonly responsibleUnitId: number;
  readonly description: string;
  readonly deadline: string;
}

/** A required remediation (yêu cầu khắc phục) with its responsible unit and deadline. */
export async function addRemediationAction(ctx: RequestContext, input: AddRemediationInput): Promise<RemediationAction> {
  const parse = async (inspection: { inspectingUnitPath: string }) => {
    const unit = await getOrgUnit(ctx, input.responsibleUnitId);
    checkInsideBody(inspection.inspectingUnitPath, unit.path, 'input.responsibleUnitId', true);
    return { unit, description: requiredText(input.description, 'input.description', 5000), deadline: validDate(input.deadline, 'input.deadline') };
  };
  return onInspection(ctx, input.inspectionId, null, parse, async (em, inspection, p) => {
    checkStateForInput(inspection, [InspectionState.IN_PROGRESS, InspectionState.CONCLUDED], 'Remediation');
    const action = em.create(RemediationAction, {
      inspection,
      provinceId: p.unit.provinceId,
      responsibleUnit: em.getReference(OrgUnit, p.unit.id),
      responsibleUnitPath: p.unit.path,
      description: p.description,
      deadline: p.deadline,
    });
    await em.flush();
    auditInspection(ctx, em, 'addRemediationAction', inspection, null, { actionId: action.id, responsibleUnitId: p.unit.id, description: p.description, deadline: p.deadline });
    return action;
  });
}

/** An action whose inspection's content the viewer reads, or null (out of scope answers like missing). */
export async function findRemediationAction(ctx: RequestContext, id: number): Promise<RemediationAction | null> {
  const action = await ctx.em.findOne(RemediationAction, id);
  const inspection = action ? await findInspection(ctx, action.inspection.id) : null;
  return action && inspection && (await accessTo(ctx, inspection)) === 'CONTENT' ? action : null;
}

export async function getRemediationAction(ctx: RequestContext, id: number): Promise<RemediationAction> {
  const action = await findRemediationAction(ctx, id);
  if (!action) throw notFound('Remediation action');
  return action;
}

export interface RemediationStepInput {
  readonly actionId: number;
  readonly version: number;
  readonly on: string;
  readonly note?: string | null;
}

async function onAction(ctx: RequestContext, input: RemediationStepInput, operation: string, from: RemediationStatus, to: RemediationStatus): Promise<RemediationAction> {
  const seen = await getRemediationAction(ctx, input.actionId);
  const inspection = await getInspection(ctx, seen.inspection.id);
  checkWritable(ctx.viewer, inspection);
  const on = notInFuture(input.on, 'input.on');
  const note = to === RemediationStatus.VERIFIED ? requiredText(input.note, 'input.note', 2000) : optionalText(input.note, 'input.note', 2000);
  return ctx.em.transactional(async (em) => {
    const action = await em.findOneOrFail(RemediationAction, input.actionId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (action.version !== input.version) throw staleVersion(input.version, action.version);
    if (action.status !== from) throw conflict(`The action is ${action.status}, not ${from}`, { field: 'status', status: action.status });
    const before = { status: action.status };
    if (to === RemediationStatus.DONE) {
      action.doneOn = on;
      action.doneNote = note;
    } else {
      notBefore(on, action.doneOn, 'input.on', 'the day it was done');
      action.verifiedOn = on;
      action.verificationNote = note;
    }
    action.status = to;
    await em.flush();
    auditInspection(ctx, em, operation, inspection, before, { actionId: action.id, status: to, on, note });
    return action;
  });
}

/** The responsible unit's work is done (đã khắc phục), as reported to the inspecting body. */
export const reportRemediationDone = (ctx: RequestContext, input: RemediationStepInput): Promise<RemediationAction> =>
  onAction(ctx, input, 'reportRemediationDone', RemediationStatus.OPEN, RemediationStatus.DONE);

/** The inspecting body verifies the remediation (kiểm tra việc khắc phục); the note is required. */
export const verifyRemediation = (ctx: RequestContext, input: RemediationStepInput): Promise<RemediationAction> =>
  onAction(ctx, input, 'verifyRemediation', RemediationStatus.DONE, RemediationStatus.VERIFIED);
