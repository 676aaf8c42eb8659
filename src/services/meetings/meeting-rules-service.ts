import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { Holiday } from '../../entities/holiday';
import { MeetingRules } from '../../entities/meeting-rules';
import { OrgUnit } from '../../entities/org-unit';
import { OrgUnitKind } from '../../entities/org-unit-enums';
import { ThematicTopic } from '../../entities/thematic-topic';
import { badInput, forbidden, notFound, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { requiredText, validDate } from '../validate';

/** The rules in force for a province: its own row, else the default row (province null). */
export async function rulesFor(em: EntityManager, provinceId: number): Promise<MeetingRules> {
  const rows = await em.find(MeetingRules, { $or: [{ provinceId }, { provinceId: null }] });
  const own = rows.find((r) => r.provinceId === provinceId);
  const fallback = rows.find((r) => r.provinceId === null || r.provinceId === undefined);
  const rules = own ?? fallback;
  if (!rules) throw new Error('No default meeting rules: the meetings migration seeds them');
  rules.attendanceThreshold = Number(rules.attendanceThreshold);
  return rules;
}

/** National and provincial holidays of a year, as YYYY-MM-DD. */
export async function holidaySet(em: EntityManager, provinceId: number, year: number): Promise<Set<string>> {
  const rows = await em.find(Holiday, { $or: [{ provinceId }, { provinceId: null }], day: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } });
  return new Set(rows.map((h) => h.day));
}

export function holidaysOf(ctx: RequestContext, provinceId: number, year: number): Promise<Holiday[]> {
  return ctx.em.find(Holiday, { $or: [{ provinceId }, { provinceId: null }], day: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }, { orderBy: { day: 'asc', id: 'asc' } });
}

export function topicsOf(ctx: RequestContext, provinceId: number): Promise<ThematicTopic[]> {
  return ctx.em.find(ThematicTopic, { $or: [{ provinceId }, { provinceId: null }], active: true }, { orderBy: { sortOrder: 'asc', id: 'asc' } });
}

/**
 * A province whose rules the viewer needs: one the viewer reads any unit of (a cell's members and
 * secretary read their province's rules, holidays and topics), else NOT_FOUND like any unseen unit.
 */
export async function getProvince(ctx: RequestContext, provinceId: number, field: string): Promise<{ id: number; path: string }> {
  const unit = await ctx.em.findOne(OrgUnit, provinceId);
  const scope = ctx.viewer.scope(Permission.TREE_READ);
  const reaches = unit !== null && (scope === 'ALL' || scope.some((p) => p.startsWith(unit.path) || unit.path.startsWith(p)));
  if (!unit || !reaches) throw notFound('Org unit');
  if (unit.kind !== OrgUnitKind.PROVINCE) throw badInput(field, 'must be the id of a province');
  return unit;
}

export interface MeetingRulesInput {
  readonly provinceId: number;
  /** The version of the rules you read (of the default when the province had none). */
  readonly version: number;
  readonly regularDay: number;
  readonly windowFirstDay: number;
  readonly windowLastDay: number;
  readonly thematicPerQuarter: number;
  readonly attendanceThreshold: number;
}

function checkRules(input: MeetingRulesInput): void {
  const day = (value: number, field: string): void => {
    if (!Number.isInteger(value) || value < 1 || value > 28) throw badInput(field, 'must be a day of the month from 1 to 28');
  };
  day(input.regularDay, 'input.regularDay');
  day(input.windowFirstDay, 'input.windowFirstDay');
  day(input.windowLastDay, 'input.windowLastDay');
  if (input.windowFirstDay > input.regularDay || input.regularDay > input.windowLastDay) {
    throw badInput('input.regularDay', 'must lie within the fallback window');
  }
  if (!Number.isInteger(input.thematicPerQuarter) || input.thematicPerQuarter < 0 || input.thematicPerQuarter > 12) {
    throw badInput('input.thematicPerQuarter', 'must be a whole number from 0 to 12');
  }
  if (!(input.attendanceThreshold > 0 && input.attendanceThreshold <= 1)) {
    throw badInput('input.attendanceThreshold', 'must be a share above 0 and at most 1 (0.85 for 85%)');
  }
}

function rulesSnapshot(r: MeetingRules): Record<string, unknown> {
  return { regularDay: r.regularDay, windowFirstDay: r.windowFirstDay, windowLastDay: r.windowLastDay, thematicPerQuarter: r.thematicPerQuarter, attendanceThreshold: Number(r.attendanceThreshold), version: r.version };
}

export async function updateMeetingRules(ctx: RequestContext, input: MeetingRulesInput): Promise<MeetingRules> {
  const province = await getProvince(ctx, input.provinceId, 'input.provinceId');
  if (!ctx.viewer.can(Permission.MEETING_RULES_MANAGE, province.path)) throw forbidden('You may not set the meeting rules of this province');
  checkRules(input);
  const current = await rulesFor(ctx.em, province.id);
  if (current.version !== input.version) throw staleVersion(input.version, current.version);
  const before = rulesSnapshot(current);
  return ctx.em.transactional(async (em) => {
    const fields = {
      regularDay: input.regularDay,
      windowFirstDay: input.windowFirstDay,
      windowLastDay: input.windowLastDay,
      thematicPerQuarter: input.thematicPerQuarter,
      attendanceThreshold: input.attendanceThreshold,
    };
    let rules: MeetingRules;
    if (current.provinceId === province.id) {
      rules = await em.findOneOrFail(MeetingRules, current.id);
      em.assign(rules, fields);
    } else {
      rules = em.create(MeetingRules, { provinceId: province.id, ...fields });
    }
    await em.flush();
    audit(ctx, em, 'updateMeetingRules', { type: 'MeetingRules', id: rules.id, provinceId: province.id, unitPath: province.path }, before, rulesSnapshot(rules));
    return rules;
  }).catch((error: unknown) => {
    // Two first settings of a province race to insert its row: the loser's version is stale.
    if (error instanceof UniqueConstraintViolationException) throw staleVersion(input.version, input.version + 1);
    throw error;
  });
}

export async function addHoliday(ctx: RequestContext, input: { provinceId: number | null; day: string; name: string }): Promise<Holiday> {
  let unitPath: string | null = null;
  if (input.provinceId !== null) unitPath = (await getProvince(ctx, input.provinceId, 'input.provinceId')).path;
  if (!ctx.viewer.can(Permission.MEETING_RULES_MANAGE, unitPath)) throw forbidden('You may not maintain these holidays');
  const day = validDate(input.day, 'input.day');
  const name = requiredText(input.name, 'input.name', 200);
  const taken = await ctx.em.count(Holiday, { provinceId: input.provinceId, day });
  if (taken > 0) throw badInput('input.day', 'is already a holiday');
  return ctx.em.transactional(async (em) => {
    const holiday = em.create(Holiday, { provinceId: input.provinceId, day, name });
    await em.flush();
    audit(ctx, em, 'addHoliday', { type: 'Holiday', id: holiday.id, provinceId: input.provinceId, unitPath }, null, { day, name });
    return holiday;
  });
}

export async function removeHoliday(ctx: RequestContext, id: number): Promise<Holiday> {
  const holiday = await ctx.em.findOne(Holiday, id);
  const unitPath = holiday?.provinceId ? (await ctx.loaders.orgUnitById.load(holiday.provinceId))?.path ?? undefined : null;
  if (!holiday || unitPath === undefined) throw notFound('Holiday');
  if (!ctx.viewer.can(Permission.MEETING_RULES_MANAGE, unitPath)) throw forbidden('You may not maintain these holidays');
  return ctx.em.transactional(async (em) => {
    const managed = await em.findOneOrFail(Holiday, id);
    em.remove(managed);
    audit(ctx, em, 'removeHoliday', { type: 'Holiday', id, provinceId: holiday.provinceId ?? null, unitPath }, { day: holiday.day, name: holiday.name }, null);
    return holiday;
  });
}
