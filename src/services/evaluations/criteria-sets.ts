import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { CriteriaSet } from '../../entities/criteria-set';
import { Criterion } from '../../entities/criterion';
import { badInput, conflict, forbidden } from '../../errors/app-error';
import { uniqueOr } from '../../errors/unique-violation';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getProvince } from '../meetings/meeting-rules-service';
import { requiredText, validDate } from '../validate';
import { cents, twoDecimals } from './scoring';

/** A criteria set with its criteria and maximum total, as the scoring code needs it. */
export interface CriteriaSetWithCriteria {
  readonly set: CriteriaSet;
  readonly criteria: readonly Criterion[];
  readonly maxTotal: number;
}

async function withCriteria(em: EntityManager, sets: readonly CriteriaSet[]): Promise<CriteriaSetWithCriteria[]> {
  if (sets.length === 0) return [];
  const criteria = await em.find(Criterion, { setId: { $in: sets.map((s) => s.id) } }, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  return sets.map((set) => {
    const own = criteria.filter((c) => c.setId === set.id);
    return { set, criteria: own, maxTotal: cents(own.reduce((sum, c) => sum + Number(c.maxPoints), 0)) };
  });
}

/**
 * The set in force for a province on a day: the province's latest version started by then, else
 * the default's. Past evaluations keep the set they were made under (stored on the evaluation).
 */
export async function setInForce(em: EntityManager, provinceId: number, day: string): Promise<CriteriaSetWithCriteria | null> {
  const set = await em.findOne(
    CriteriaSet,
    { $or: [{ provinceId }, { provinceId: null }], effectiveFrom: { $lte: day } },
    { orderBy: [{ provinceId: 'asc nulls last' }, { effectiveFrom: 'desc' }] },
  );
  return set ? (await withCriteria(em, [set]))[0] : null;
}

/** Sets by id, batched over the request (every evaluation names its set). Sets hold no personal data. */
export async function loadCriteriaSet(ctx: RequestContext, id: number): Promise<CriteriaSetWithCriteria> {
  const found = await ctx.loaders
    .keyed<number, CriteriaSetWithCriteria | null>('criteriaSetById', async (ids) => {
      const sets = await withCriteria(ctx.em, await ctx.em.find(CriteriaSet, { id: { $in: [...ids] } }));
      return ids.map((key) => sets.find((s) => s.set.id === key) ?? null);
    })
    .load(id);
  if (!found) throw new Error(`Criteria set ${id} is missing`);
  return found;
}

/** A province's versions (newest first), then the shared defaults. */
export async function criteriaSetsOf(ctx: RequestContext, provinceId: number): Promise<CriteriaSetWithCriteria[]> {
  await getProvince(ctx, provinceId, 'provinceId');
  const sets = await ctx.em.find(
    CriteriaSet,
    { $or: [{ provinceId }, { provinceId: null }] },
    { orderBy: [{ provinceId: 'asc nulls last' }, { effectiveFrom: 'desc' }] },
  );
  return withCriteria(ctx.em, sets);
}

export async function criteriaSetInForce(ctx: RequestContext, provinceId: number, day: string): Promise<CriteriaSetWithCriteria | null> {
  await getProvince(ctx, provinceId, 'provinceId');
  return setInForce(ctx.em, provinceId, validDate(day, 'on'));
}

export interface CriterionEntry {
  readonly groupName: string;
  readonly code: string;
  readonly name: string;
  readonly maxPoints: number;
}

export interface CreateCriteriaSetInput {
  readonly provinceId: number;
  readonly code: string;
  readonly title: string;
  readonly effectiveFrom: string;
  readonly goodMin: number;
  readonly fairMin: number;
  readonly averageMin: number;
  readonly criteria: readonly CriterionEntry[];
}

function checkCriteria(entries: readonly CriterionEntry[]): CriterionEntry[] {
  if (entries.length === 0) throw badInput('input.criteria', 'a criteria set needs at least one criterion');
  if (entries.length > 100) throw badInput('input.criteria', 'must hold at most 100 criteria');
  const codes = new Set<string>();
  return entries.map((c, i) => {
    const code = requiredText(c.code, `input.criteria.${i}.code`, 50);
    if (codes.has(code)) throw badInput(`input.criteria.${i}.code`, `repeats the code ${code}`);
    codes.add(code);
    if (!(c.maxPoints > 0 && c.maxPoints <= 1000) || !twoDecimals(c.maxPoints)) throw badInput(`input.criteria.${i}.maxPoints`, 'must be above 0 and at most 1000, with at most two decimals');
    return { groupName: requiredText(c.groupName, `input.criteria.${i}.groupName`, 300), code, name: requiredText(c.name, `input.criteria.${i}.name`, 500), maxPoints: c.maxPoints };
  });
}

/**
 * Adds a version of a province's regulation; versions are never edited, so a correction is a
 * new version with a later start. Thresholds are totals, checked against the set's maximum.
 */
export async function createCriteriaSet(ctx: RequestContext, input: CreateCriteriaSetInput): Promise<CriteriaSetWithCriteria> {
  const province = await getProvince(ctx, input.provinceId, 'input.provinceId');
  if (!ctx.viewer.can(Permission.EVALUATION_RULES_MANAGE, province.path)) throw forbidden('You may not set the scoring criteria of this province');
  const code = requiredText(input.code, 'input.code', 100);
  const title = requiredText(input.title, 'input.title', 300);
  const effectiveFrom = validDate(input.effectiveFrom, 'input.effectiveFrom');
  const criteria = checkCriteria(input.criteria);
  const maxTotal = cents(criteria.reduce((sum, c) => sum + c.maxPoints, 0));
  const threshold = (value: number, field: string): number => {
    if (!(value >= 0 && value <= maxTotal) || !twoDecimals(value)) throw badInput(field, `must be from 0 to the set's maximum of ${maxTotal} points`);
    return value;
  };
  const goodMin = threshold(input.goodMin, 'input.goodMin');
  const fairMin = threshold(input.fairMin, 'input.fairMin');
  const averageMin = threshold(input.averageMin, 'input.averageMin');
  if (!(goodMin > fairMin)) throw badInput('input.fairMin', 'must be below goodMin');
  if (!(fairMin > averageMin)) throw badInput('input.averageMin', 'must be below fairMin');
  const dateTaken = (): Error => conflict(`The province already has a criteria set starting on ${effectiveFrom}`, { field: 'input.effectiveFrom' });
  const taken = await ctx.em.count(CriteriaSet, { provinceId: province.id, effectiveFrom });
  if (taken > 0) throw dateTaken();
  // Two sets racing past the check: the unique index criteria_set_effective_uq keeps one.
  return uniqueOr(() => ctx.em.transactional(async (em) => {
    const set = em.create(CriteriaSet, { provinceId: province.id, code, title, effectiveFrom, goodMin, fairMin, averageMin, createdById: ctx.viewer.accountId });
    await em.flush();
    criteria.forEach((c, i) => em.create(Criterion, { setId: set.id, ...c, sortOrder: i + 1 }));
    await em.flush();
    audit(ctx, em, 'createCriteriaSet', { type: 'CriteriaSet', id: set.id, provinceId: province.id, unitPath: province.path }, null, { code, title, effectiveFrom, goodMin, fairMin, averageMin, criteria });
    return (await withCriteria(em, [set]))[0];
  }), dateTaken);
}
