import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../entities/account';
import { FindingKind, FindingSeverity, InspectionState } from '../../entities/inspection-enums';
import { InspectionFinding, type RecordRef } from '../../entities/inspection-finding';
import { InspectionTarget } from '../../entities/inspection-target';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { decodeGlobalId } from '../global-id';
import { requiredText } from '../validate';
import { auditInspection, checkStateForInput, onInspection } from './inspection-guard';

export interface AddFindingInput {
  readonly inspectionId: number;
  readonly kind: FindingKind;
  readonly severity: FindingSeverity;
  readonly subject: string;
  readonly description: string;
  /** Global ids of meetings (with their minutes) and meeting evaluations looked at. */
  readonly recordIds?: readonly string[] | null;
}

const RECORD_TABLES: Readonly<Record<RecordRef['type'], string>> = { Meeting: 'meeting', MeetingEvaluation: 'meeting_evaluation' };

function parseRecords(ids: readonly string[]): RecordRef[] {
  return ids.map((globalId, i) => {
    const { type, id } = decodeGlobalId(globalId, `input.recordIds.${i}`);
    if (type !== 'Meeting' && type !== 'MeetingEvaluation') throw badInput(`input.recordIds.${i}`, 'must be the id of a Meeting or a MeetingEvaluation');
    return { type, id };
  });
}

/**
 * Each record must exist and belong to a target's subtree (a member target: the member's cell).
 * A missing record and one of another unit get the same answer, so nothing leaks.
 */
async function checkRecords(em: EntityManager, inspectionId: number, records: readonly RecordRef[]): Promise<void> {
  const targets = await em.find(InspectionTarget, { inspection: inspectionId });
  for (const [i, record] of records.entries()) {
    const rows = await em.getConnection().execute<Array<{ unit_path: string }>>(`select unit_path from ${RECORD_TABLES[record.type]} where id = ?`, [record.id], 'all', em.getTransactionContext());
    const path = rows[0]?.unit_path;
    if (!path || !targets.some((t) => path.startsWith(t.unitPath))) throw badInput(`input.recordIds.${i}`, "is not a record of the inspection's targets");
  }
}

/** A finding (kết quả kiểm tra), only while the inspection is in progress. */
export function addInspectionFinding(ctx: RequestContext, input: AddFindingInput): Promise<InspectionFinding> {
  const parse = (inspection: { subjects: string[] }) => {
    if (!inspection.subjects.includes(input.subject)) throw badInput('input.subject', "must be one of the inspection's subjects");
    return { description: requiredText(input.description, 'input.description', 5000), records: parseRecords(input.recordIds ?? []) };
  };
  return onInspection(ctx, input.inspectionId, null, parse, async (em, inspection, p) => {
    checkStateForInput(inspection, [InspectionState.IN_PROGRESS], 'A finding');
    await checkRecords(em, inspection.id, p.records);
    const finding = em.create(InspectionFinding, {
      inspection,
      provinceId: inspection.provinceId,
      kind: input.kind,
      severity: input.severity,
      subject: input.subject,
      description: p.description,
      records: p.records,
      author: ctx.viewer.accountId === null ? null : em.getReference(Account, ctx.viewer.accountId),
    });
    await em.flush();
    auditInspection(ctx, em, 'addInspectionFinding', inspection, null, { findingId: finding.id, kind: input.kind, severity: input.severity, subject: input.subject, description: p.description, records: p.records });
    return finding;
  });
}
