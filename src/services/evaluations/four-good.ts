import { Permission } from '../../auth/permission';
import { scopeFilter } from '../../auth/scope-sql';
import { FourGoodAssessment } from '../../entities/four-good-assessment';
import { OrgUnitKind } from '../../entities/org-unit-enums';
import { badInput, conflict, staleVersion } from '../../errors/app-error';
import { uniqueOr } from '../../errors/unique-violation';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { todayInVietnam } from '../calendar';
import { getOrgUnit } from '../tree/org-unit-queries';
import { optionalText, validYear } from '../validate';
import { checkMayDecide } from './appraisal-rights';

/** Cells and grassroots committees (a commune's committee usually is the grassroots one). */
const ASSESSED_KINDS: readonly OrgUnitKind[] = [
  OrgUnitKind.CELL,
  OrgUnitKind.GRASSROOTS_CELL,
  OrgUnitKind.GRASSROOTS_COMMITTEE,
  OrgUnitKind.COMMUNE_COMMITTEE,
  OrgUnitKind.WARD_COMMITTEE,
  OrgUnitKind.SPECIAL_ZONE_COMMITTEE,
];

export interface FourGoodInput {
  readonly unitId: number;
  readonly year: number;
  readonly politicalTask: boolean;
  readonly meetingQuality: boolean;
  readonly unityDiscipline: boolean;
  readonly cadresMembers: boolean;
  readonly note?: string | null;
  readonly decisionRef?: string | null;
  /** The version you read, to change an assessment already recorded. */
  readonly version?: number | null;
}

/** Four-good when all four criteria hold (derived, never stored apart from them). */
export const isFourGood = (a: Pick<FourGoodAssessment, 'politicalTask' | 'meetingQuality' | 'unityDiscipline' | 'cadresMembers'>): boolean =>
  a.politicalTask && a.meetingQuality && a.unityDiscipline && a.cadresMembers;

const snapshot = (a: FourGoodAssessment): Record<string, unknown> => ({
  year: a.year,
  politicalTask: a.politicalTask,
  meetingQuality: a.meetingQuality,
  unityDiscipline: a.unityDiscipline,
  cadresMembers: a.cadresMembers,
  fourGood: isFourGood(a),
  note: a.note ?? null,
  decisionRef: a.decisionRef ?? null,
});

/** The superior committee records a unit's four-good result for a year (changes keep the audit trail). */
export async function assessFourGood(ctx: RequestContext, input: FourGoodInput): Promise<FourGoodAssessment> {
  const unit = await getOrgUnit(ctx, input.unitId);
  checkMayDecide(ctx, unit.path);
  if (!ASSESSED_KINDS.includes(unit.kind)) throw badInput('input.unitId', 'the four-good model assesses cells and grassroots committees');
  const year = validYear(input.year, 'input.year');
  if (`${year}` > todayInVietnam().slice(0, 4)) throw badInput('input.year', 'a year not begun cannot be assessed');
  const note = optionalText(input.note, 'input.note', 5000);
  const decisionRef = optionalText(input.decisionRef, 'input.decisionRef', 200);
  const existing = await ctx.em.findOne(FourGoodAssessment, { unitId: unit.id, year });
  const alreadyRecorded = (): Error => conflict(`The unit's ${year} assessment is already recorded: change it with its version`, { field: 'input.version' });
  if (existing) {
    if (input.version === null || input.version === undefined) throw alreadyRecorded();
    if (existing.version !== input.version) throw staleVersion(input.version, existing.version);
  }
  // Two first assessments racing past the check: the unique key (unit_id, year) keeps one.
  return uniqueOr(() => ctx.em.transactional(async (em) => {
    const fields = { politicalTask: input.politicalTask, meetingQuality: input.meetingQuality, unityDiscipline: input.unityDiscipline, cadresMembers: input.cadresMembers, note, decisionRef, assessedById: ctx.viewer.accountId };
    const assessment = existing ? await em.findOneOrFail(FourGoodAssessment, existing.id) : em.create(FourGoodAssessment, { provinceId: unit.provinceId, unitId: unit.id, unitPath: unit.path, year, ...fields });
    const before = existing ? snapshot(assessment) : null;
    em.assign(assessment, fields);
    await em.flush();
    audit(ctx, em, 'assessFourGood', { type: 'FourGoodAssessment', id: assessment.id, provinceId: unit.provinceId, unitPath: unit.path }, before, snapshot(assessment));
    return assessment;
  }), alreadyRecorded);
}

/** A unit's assessments, newest first: for whoever reads its grades (organisational, no personal data). */
export async function fourGoodOf(ctx: RequestContext, unitId: number): Promise<FourGoodAssessment[]> {
  return ctx.loaders
    .keyed<number, FourGoodAssessment[]>('fourGoodByUnit', async (ids) => {
      const found = await ctx.em.find(
        FourGoodAssessment,
        { unitId: { $in: [...ids] }, ...scopeFilter(ctx.viewer.scope(Permission.PUBLISHED_GRADES_READ), 'unitPath') },
        { orderBy: { year: 'desc' } },
      );
      return ids.map((id) => found.filter((a) => a.unitId === id));
    })
    .load(unitId);
}
