import { toGlobalId } from '../../src/services/global-id';
import type { AccountName, UnitName } from '../support/fixture';
import type { TestApp } from '../support/test-app';
import { ok } from '../validation/support';

/** Shared by the inspection suites: operations, fixture ids, and an inspection brought to a state. */

export const INSPECTION_TABLES = ['inspection', 'inspection_target', 'inspection_finding', 'remediation_action', 'discipline', 'member_event', 'member'] as const;

export const unitGid = (app: TestApp, name: UnitName): string => toGlobalId('OrgUnit', app.fixture.units[name].id);
export const memberGid = (app: TestApp, fullName: string): string => toGlobalId('Member', app.fixture.members[fullName].id);

export const INSPECTION_FIELDS = `id state version year origin title subjects periodFrom periodTo startedOn concludedOn conclusions recommendations publishedOn closedOn closeWaiverReason
  targetCount targets { unit { name } member { fullName } } team { name role }
  findings { kind severity subject description recordIds } remediation { id status version deadline overdue doneOn verifiedOn verificationNote responsibleUnit { name } }
  disciplines { kind decidedOn decisionRef reason member { fullName } unit { name } }`;

export const CREATE = `mutation($input: CreateInspectionInput!) { createInspection(input: $input) { ${INSPECTION_FIELDS} } }`;
export const START = `mutation($input: InspectionStepInput!) { startInspection(input: $input) { id state version startedOn } }`;
export const CONCLUDE = `mutation($input: ConcludeInspectionInput!) { concludeInspection(input: $input) { id state version conclusions } }`;
export const PUBLISH = `mutation($input: InspectionStepInput!) { publishInspectionConclusions(input: $input) { id state version publishedOn } }`;
export const CLOSE = `mutation($input: CloseInspectionInput!) { closeInspection(input: $input) { id state version closedOn closeWaiverReason } }`;
export const FINDING = `mutation($input: AddInspectionFindingInput!) { addInspectionFinding(input: $input) { kind severity subject description recordIds } }`;
export const REMEDIATION = `mutation($input: AddRemediationActionInput!) { addRemediationAction(input: $input) { id status version deadline overdue } }`;
export const DONE = `mutation($input: RemediationStepInput!) { reportRemediationDone(input: $input) { id status version doneOn } }`;
export const VERIFY = `mutation($input: RemediationStepInput!) { verifyRemediation(input: $input) { id status version verifiedOn verificationNote } }`;
export const DISCIPLINE = `mutation($input: RecordDisciplineInput!) { recordDiscipline(input: $input) { kind decidedOn decisionRef reason member { fullName } unit { name } } }`;
export const GET = `query($id: ID!) { inspection(id: $id) { ${INSPECTION_FIELDS} } }`;

export interface InspectionView {
  id: string;
  state: string;
  version: number;
  [key: string]: any;
}

export const INSPECTOR: AccountName = 'inspector:commune';

/** A planned inspection by the commune of its cell (and member An), or as given. */
export async function planInspection(app: TestApp, as: AccountName = INSPECTOR, input: Record<string, unknown> = {}): Promise<InspectionView> {
  return ok(await app.run(as, CREATE, {
    input: {
      inspectingUnitId: unitGid(app, 'commune'),
      origin: 'PROGRAMME',
      title: 'Kiểm tra việc chấp hành chế độ sinh hoạt chi bộ',
      subjects: ['PRINCIPLES_AND_REGIME', 'RECORDS_AND_MINUTES'],
      team: [{ name: 'Lường Văn Tâm', role: 'Trưởng đoàn' }],
      periodFrom: '2026-03-01',
      periodTo: '2026-03-31',
      targetUnitIds: [unitGid(app, 'cell')],
      targetMemberIds: [memberGid(app, 'Nguyễn Văn An')],
      ...input,
    },
  })).createInspection;
}

export async function startedInspection(app: TestApp, input: Record<string, unknown> = {}): Promise<InspectionView> {
  const planned = await planInspection(app, INSPECTOR, input);
  return ok(await app.run(INSPECTOR, START, { input: { inspectionId: planned.id, version: planned.version, on: '2026-03-02' } })).startInspection;
}

export async function concludedInspection(app: TestApp, input: Record<string, unknown> = {}): Promise<InspectionView> {
  const started = await startedInspection(app, input);
  return ok(await app.run(INSPECTOR, CONCLUDE, {
    input: { inspectionId: started.id, version: started.version, on: '2026-04-01', conclusions: 'Chi bộ thực hiện tương đối tốt chế độ sinh hoạt.', recommendations: 'Hoàn thiện biên bản.' },
  })).concludeInspection;
}
