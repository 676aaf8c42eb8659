import { toGlobalId } from '../../src/services/global-id';
import type { UnitName } from '../support/fixture';
import type { GqlResult, TestApp } from '../support/test-app';
import { addAccount, addPosition, data, HUNG, memberDbId, type Actor } from '../meetings/support';
import { cells, type Outcome } from '../support/permission-cases';

/**
 * Shared by the evaluation suites (issue #4): the tables a rejected write must leave alone, held
 * meetings written straight into the database, the sample criteria, and the GraphQL documents.
 */

/** Every table of the evaluations migration: a rejected evaluation write changes none (nor audit_entry). */
export const EVALUATION_TABLES = [
  'meeting_evaluation',
  'meeting_evaluation_score',
  'meeting_evaluation_step',
  'annual_grade',
  'four_good_assessment',
  'criteria_set',
  'criterion',
  'grading_rules',
] as const;

export const EVALUATION_FIELDS = `id state version heldOn meetingKind selfTotal selfRating appraisedTotal appraisedRating selfNote appraisalComment
  submittedAt appraisedAt votes { for against abstain } criteriaSet { code }
  scores { selfPoints appraisedPoints appraisalComment criterion { code } } history { action fromState toState reason snapshot }`;

export const CREATE_EVALUATION = `mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { ${EVALUATION_FIELDS} } }`;
export const UPDATE_EVALUATION = `mutation($i: UpdateMeetingEvaluationInput!) { updateMeetingEvaluation(input: $i) { ${EVALUATION_FIELDS} } }`;
export const SUBMIT_EVALUATION = `mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { ${EVALUATION_FIELDS} } }`;
export const APPRAISE_EVALUATION = `mutation($i: AppraiseMeetingEvaluationInput!) { appraiseMeetingEvaluation(input: $i) { ${EVALUATION_FIELDS} } }`;
export const REOPEN_EVALUATION = `mutation($i: ReopenMeetingEvaluationInput!) { reopenMeetingEvaluation(input: $i) { ${EVALUATION_FIELDS} } }`;
export const GET_EVALUATION = `query($id: ID!) { meetingEvaluation(id: $id) { ${EVALUATION_FIELDS} } }`;

export const GRADE_FIELDS = 'id year subjectKind state proposedLevel proposalNote decidedLevel decisionRef decisionNote publishedAt version unit { name } member { fullName }';
export const PROPOSE_GRADE = `mutation($i: ProposeAnnualGradeInput!) { proposeAnnualGrade(input: $i) { ${GRADE_FIELDS} } }`;
export const DECIDE_GRADES = `mutation($i: DecideAnnualGradesInput!) { decideAnnualGrades(input: $i) { ${GRADE_FIELDS} } }`;
export const PUBLISH_GRADES = `mutation($i: PublishAnnualGradesInput!) { publishAnnualGrades(input: $i) { ${GRADE_FIELDS} } }`;
export const ASSESS_FOUR_GOOD = `mutation($i: AssessFourGoodInput!) { assessFourGood(input: $i) { id year politicalTask meetingQuality unityDiscipline cadresMembers fourGood note decisionRef version unit { name } } }`;
export const UPDATE_GRADING_RULES = `mutation($i: GradingRulesInput!) { updateGradingRules(input: $i) { excellentMaxShareOfGood excellentRequiresNoWeakMonth version } }`;
export const CREATE_CRITERIA_SET = `mutation($i: CreateCriteriaSetInput!) { createCriteriaSet(input: $i) { id code title effectiveFrom isSample goodMin fairMin averageMin maxTotal criteria { id code groupName name maxPoints } } }`;

export interface CriterionRef {
  /** Global id, as the API takes it. */
  readonly id: string;
  readonly dbId: number;
  readonly code: string;
  readonly maxPoints: number;
}

/** The criteria of a set by its code (the seeded sample is 'MẪU-01'), in order. */
export async function criteriaOf(app: TestApp, setCode = 'MẪU-01'): Promise<CriterionRef[]> {
  const rows = await app.sql<{ id: number; code: string; max_points: string }>(
    'select c.id, c.code, c.max_points from criterion c join criteria_set s on s.id = c.set_id where s.code = ? order by c.sort_order', [setCode]);
  if (rows.length === 0) throw new Error(`No criteria set ${setCode}`);
  return rows.map((r) => ({ id: toGlobalId('Criterion', r.id), dbId: r.id, code: r.code, maxPoints: Number(r.max_points) }));
}

/** Points per criterion, in order: a number gives every criterion that many points. */
export function scores(criteria: readonly CriterionRef[], points: number | readonly number[]): Array<{ criterionId: string; points: number }> {
  const list = typeof points === 'number' ? criteria.map(() => points) : points;
  if (list.length > criteria.length) throw new Error('More points than criteria');
  return list.map((p, i) => ({ criterionId: criteria[i].id, points: p }));
}

/**
 * Points for the sample's ten criteria (10 each) adding up to `total` (whole points): as many
 * tens as fit, the remainder on the next criterion, zeros after.
 */
export function pointsSumming(total: number, criteria = 10, max = 10): number[] {
  return Array.from({ length: criteria }, (_, i) => Math.max(0, Math.min(max, total - i * max)));
}

let meetingSeq = 0;

export interface HeldMeeting {
  readonly id: string;
  readonly dbId: number;
}

/**
 * A meeting recorded as held at 09:00 Vietnam time on `on`, written straight into the database
 * (as createMeeting leaves it: roster frozen into attendance): `present` members PRESENT, `absent`
 * ABSENT_EXCUSED, `exempt` EXEMPT. Faster than the API for suites that need many meetings; the
 * flow suite records its meetings through the API.
 */
export async function heldMeeting(
  app: TestApp,
  options: { unit?: UnitName | { id: number; path: string }; on: string; kind?: 'REGULAR' | 'THEMATIC' | 'EXTRAORDINARY'; present?: readonly string[]; absent?: readonly string[]; exempt?: readonly string[]; status?: 'HELD' | 'PLANNED' | 'CANCELLED' },
): Promise<HeldMeeting> {
  meetingSeq += 1;
  const unit = typeof options.unit === 'object' ? options.unit : app.fixture.units[options.unit ?? 'cell'];
  const provinceId = Number(unit.path.split('/')[1]);
  const at = new Date(`${options.on}T09:00:00+07:00`).toISOString();
  const status = options.status ?? 'HELD';
  const held = status === 'HELD';
  const [{ id }] = await app.sql<{ id: number }>(
    `insert into meeting (province_id, unit_id, unit_path, kind, format, status, scheduled_at, held_at, held_on, off_plan_reason, cancel_reason)
     values (?,?,?,?,?,?,?,?,?,?,?) returning id`,
    [provinceId, unit.id, unit.path, options.kind ?? 'REGULAR', 'IN_PERSON', status, at, held ? at : null, held ? options.on : null,
      `Họp bù ${meetingSeq}`, status === 'CANCELLED' ? 'Mưa lũ' : null],
  );
  const lines: Array<[string, string]> = [
    ...(options.present ?? []).map((m): [string, string] => [m, 'PRESENT']),
    ...(options.absent ?? []).map((m): [string, string] => [m, 'ABSENT_EXCUSED']),
    ...(options.exempt ?? []).map((m): [string, string] => [m, 'EXEMPT']),
  ];
  for (const [member, st] of lines) {
    await app.sql('insert into meeting_attendance (meeting_id, member_id, province_id, unit_path, status, reason) values (?,?,?,?,?,?)',
      [id, memberDbId(app, member), provinceId, unit.path, st, st === 'ABSENT_EXCUSED' ? 'Ốm' : null]);
  }
  return { id: toGlobalId('Meeting', id), dbId: id };
}

export interface EvaluationView {
  id: string;
  state: string;
  version: number;
  selfTotal: number;
  selfRating: string;
  appraisedTotal: number | null;
  appraisedRating: string | null;
  scores: Array<{ selfPoints: number; appraisedPoints: number | null; appraisalComment: string | null; criterion: { code: string } }>;
  history: Array<{ action: string; fromState: string | null; toState: string; reason: string | null; snapshot: Record<string, any> }>;
  [key: string]: any;
}

export interface EvaluateOptions {
  /** Who prepares and submits (default organizer:commune, who may also appraise). */
  readonly as?: Actor;
  readonly points: number | readonly number[];
  readonly criteria: readonly CriterionRef[];
  readonly votes?: { for: number; against: number; abstain: number };
  /** Submit after creating (default true). */
  readonly submit?: boolean;
  /** Appraise after submitting: adjustments as [criterion index, points]. */
  readonly appraise?: { as?: Actor; adjustments: ReadonlyArray<readonly [number, number]> };
}

/** The fields `evaluate` returns: no history or scores, which cost statements of their own. */
export type EvaluationRef = Pick<EvaluationView, 'id' | 'state' | 'version' | 'selfTotal' | 'selfRating' | 'appraisedTotal' | 'appraisedRating'> & { meetingKind: string };
const LEAN = 'id state version meetingKind selfTotal selfRating appraisedTotal appraisedRating';

/** Creates (and by default submits, optionally appraises) the evaluation of a held meeting. */
export async function evaluate(app: TestApp, meetingId: string, options: EvaluateOptions): Promise<EvaluationRef> {
  const as = options.as ?? 'organizer:commune';
  let e = (await data<{ createMeetingEvaluation: EvaluationRef }>(app, as, `mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { ${LEAN} } }`, {
    i: { meetingId, scores: scores(options.criteria, options.points), votes: options.votes ?? { for: 2, against: 0, abstain: 0 } },
  })).createMeetingEvaluation;
  if (options.submit === false) return e;
  e = (await data<{ submitMeetingEvaluation: EvaluationRef }>(app, as, `mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { ${LEAN} } }`, { id: e.id, v: e.version })).submitMeetingEvaluation;
  if (!options.appraise) return e;
  const adjustments = options.appraise.adjustments.map(([i, points]) => ({ criterionId: options.criteria[i].id, points, comment: `Điều chỉnh tiêu chí ${i + 1}` }));
  return (await data<{ appraiseMeetingEvaluation: EvaluationRef }>(app, options.appraise.as ?? 'organizer:commune', `mutation($i: AppraiseMeetingEvaluationInput!) { appraiseMeetingEvaluation(input: $i) { ${LEAN} } }`, { i: { id: e.id, version: e.version, adjustments } })).appraiseMeetingEvaluation;
}

/**
 * The cell's secretary: an account holding only MEMBER at the cell, linked to Lò Văn Hùng, who is
 * SECRETARY of the cell (CELL_SECRETARY is derived from the position at sign-in).
 */
export async function cellSecretary(app: TestApp, name = 'secretary:cell'): Promise<Actor> {
  const account = await addAccount(app, name, { member: HUNG, role: 'MEMBER', at: 'cell' });
  await addPosition(app, HUNG, 'cell', 'SECRETARY');
  return account;
}

/** The one error's extensions (onlyError keeps code, field and message only). */
export function extensionsOf(result: GqlResult): Record<string, unknown> {
  if (!result.errors || result.errors.length !== 1) throw new Error(`Expected one error, got ${JSON.stringify(result.errors ?? null)}`);
  return result.errors[0].extensions ?? {};
}

/** The grade ids and versions of a proposal or decision result, as decide/publish take them. */
export const versions = (grades: ReadonlyArray<{ id: string; version: number }>): Array<{ id: string; version: number }> => grades.map((g) => ({ id: g.id, version: g.version }));


/** The cell's secretary (an account linked to the member holding the post), an extra row of every permission table. */
export const SECRETARY = 'secretary:cell' as Actor;

/** A permission table's cases, plus the secretary's row. */
export function withSecretary<C extends string>(columns: readonly C[], table: Readonly<Record<Actor, readonly Outcome[]>>, secretary: readonly Outcome[]): Array<[Actor, C, Outcome]> {
  if (secretary.length !== columns.length) throw new Error('Permission table: the secretary row has the wrong number of cells');
  return [...cells(columns, table), ...columns.map((c, i): [Actor, C, Outcome] => [SECRETARY, c, secretary[i]])];
}
