import { Permission } from '../../auth/permission';
import { scopeFilter } from '../../auth/scope-sql';
import { ThematicPlanStatus } from '../../entities/meeting-enums';
import { isCellKind } from '../../entities/org-unit-enums';
import { OrgUnit } from '../../entities/org-unit';
import { ThematicPlan } from '../../entities/thematic-plan';
import { badInput, conflict, notFound, staleVersion } from '../../errors/app-error';
import { uniqueOr } from '../../errors/unique-violation';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getOrgUnit } from '../tree/org-unit-queries';
import { requiredText, validYear } from '../validate';
import { checkMayWrite } from './meeting-commands';
import { ThematicTopic } from '../../entities/thematic-topic';

export interface PlanItemEntry {
  readonly quarter: number;
  readonly topicId: number;
  readonly title: string;
}

/** A plan item with what was held: thematic meetings of the cell on that topic in that quarter. */
export interface PlanItemView {
  readonly id: number;
  readonly quarter: number;
  readonly topicId: number;
  readonly title: string;
  readonly heldCount: number;
}

export function findPlan(ctx: RequestContext, unit: OrgUnit, year: number): Promise<ThematicPlan | null> {
  return ctx.em.findOne(ThematicPlan, { unit: unit.id, year, ...scopeFilter(ctx.viewer.scope(Permission.MEETINGS_READ), 'unitPath') });
}

export function findPlanById(ctx: RequestContext, id: number): Promise<ThematicPlan | null> {
  return ctx.em.findOne(ThematicPlan, { id, ...scopeFilter(ctx.viewer.scope(Permission.MEETINGS_READ), 'unitPath') });
}

export async function planItems(ctx: RequestContext, plan: ThematicPlan): Promise<PlanItemView[]> {
  const rows = await ctx.em.getConnection().execute<Array<{ id: number; quarter: number; topic_id: number; title: string; held: number }>>(
    `select i.id, i.quarter, i.topic_id, i.title,
            (select count(*) from meeting m join meeting_topic mt on mt.meeting_id = m.id
              where m.unit_id = ? and m.kind = 'THEMATIC' and m.status = 'HELD' and mt.topic_id = i.topic_id
                and extract(year from m.held_on) = ? and extract(quarter from m.held_on) = i.quarter)::int as held
       from thematic_plan_item i where i.plan_id = ? order by i.quarter, i.id`,
    [plan.unit.id, plan.year, plan.id],
    'all',
  );
  return rows.map((r) => ({ id: r.id, quarter: r.quarter, topicId: r.topic_id, title: r.title, heldCount: r.held }));
}


export async function saveThematicPlan(ctx: RequestContext, input: { unitId: number; year: number; version?: number | null; items: readonly PlanItemEntry[] }): Promise<ThematicPlan> {
  const unit = await getOrgUnit(ctx, input.unitId);
  checkMayWrite(ctx, unit.path);
  if (!isCellKind(unit.kind)) throw badInput('input.unitId', 'thematic plans are made by cells');
  const year = validYear(input.year, 'input.year');
  const items = input.items.map((item, i) => {
    if (!Number.isInteger(item.quarter) || item.quarter < 1 || item.quarter > 4) throw badInput(`input.items.${i}.quarter`, 'must be 1 to 4');
    return { quarter: item.quarter, topicId: item.topicId, title: requiredText(item.title, `input.items.${i}.title`, 300) };
  });
  // Each item's topic: an active topic of the province or the shared taxonomy, named by its own field.
  const topicIds = [...new Set(items.map((i) => i.topicId))];
  const known = new Set(topicIds.length === 0 ? [] : (await ctx.em.find(ThematicTopic, { id: { $in: topicIds }, active: true, $or: [{ provinceId: unit.provinceId }, { provinceId: null }] })).map((t) => t.id));
  items.forEach((item, i) => {
    if (!known.has(item.topicId)) throw badInput(`input.items.${i}.topicId`, 'names a topic that does not exist in this province');
  });
  const existing = await ctx.em.findOne(ThematicPlan, { unit: unit.id, year });
  if (existing) {
    if (input.version === undefined || input.version === null || existing.version !== input.version) throw staleVersion(input.version ?? 0, existing.version);
    if (existing.status === ThematicPlanStatus.SUBMITTED) throw conflict('The plan was submitted to the superior committee and cannot be changed');
  }
  // Two first saves racing past the check: the unique key (unit_id, year) keeps one; the other
  // answers as it would one after the other, a stale version (it sent none, the plan now has one).
  const taken = async (): Promise<Error> => {
    const [row] = await ctx.em.getConnection().execute<Array<{ version: number }>>('select version from thematic_plan where unit_id = ? and year = ?', [unit.id, year], 'all');
    return staleVersion(input.version ?? 0, row?.version ?? 1);
  };
  return uniqueOr(() => ctx.em.transactional(async (em) => {
    const run = (sql: string, params: unknown[]): Promise<unknown> => em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
    const plan = existing ? await em.findOneOrFail(ThematicPlan, existing.id) : em.create(ThematicPlan, { provinceId: unit.provinceId, unit: em.getReference(OrgUnit, unit.id), unitPath: unit.path, year });
    const before = existing ? { items: await planItems({ ...ctx, em }, existing) } : null;
    plan.updatedAt = new Date();
    await em.flush();
    await run('delete from thematic_plan_item where plan_id = ?', [plan.id]);
    for (const item of items) await run('insert into thematic_plan_item (plan_id, quarter, topic_id, title) values (?, ?, ?, ?)', [plan.id, item.quarter, item.topicId, item.title]);
    audit(ctx, em, 'saveThematicPlan', { type: 'ThematicPlan', id: plan.id, provinceId: unit.provinceId, unitPath: unit.path }, before, { year, items });
    return plan;
  }), taken);
}

export async function submitThematicPlan(ctx: RequestContext, input: { id: number; version: number }): Promise<ThematicPlan> {
  const plan = await ctx.em.findOne(ThematicPlan, { id: input.id, ...scopeFilter(ctx.viewer.scope(Permission.MEETINGS_READ), 'unitPath') });
  if (!plan) throw notFound('Thematic plan');
  checkMayWrite(ctx, plan.unitPath);
  if (plan.version !== input.version) throw staleVersion(input.version, plan.version);
  if (plan.status === ThematicPlanStatus.SUBMITTED) throw conflict('The plan is already submitted');
  if ((await planItems(ctx, plan)).length === 0) throw badInput('id', 'an empty plan cannot be submitted');
  return ctx.em.transactional(async (em) => {
    const managed = await em.findOneOrFail(ThematicPlan, plan.id);
    managed.status = ThematicPlanStatus.SUBMITTED;
    managed.submittedAt = new Date();
    await em.flush();
    audit(ctx, em, 'submitThematicPlan', { type: 'ThematicPlan', id: plan.id, provinceId: plan.provinceId, unitPath: plan.unitPath }, { status: ThematicPlanStatus.DRAFT }, { status: ThematicPlanStatus.SUBMITTED });
    return managed;
  });
}
