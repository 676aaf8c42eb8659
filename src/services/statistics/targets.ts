import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Permission } from '../../auth/permission';
import { Account } from '../../entities/account';
import type { OrgUnit } from '../../entities/org-unit';
import { CELL_KINDS, OrgUnitKind } from '../../entities/org-unit-enums';
import { StatisticTarget } from '../../entities/statistic-target';
import { badInput, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getOrgUnit } from '../tree/org-unit-queries';
import { optionalText, validYear } from '../validate';
import { Indicator, IndicatorUnit, INDICATORS } from './indicator-catalogue';

/** A target in force for a unit: set there or at the nearest committee above that set one. */
export interface TargetInForce {
  readonly id: number;
  readonly indicator: Indicator;
  readonly year: number;
  readonly value: number;
  readonly unitId: number;
  readonly version: number;
  readonly note: string | null;
  readonly setAt: Date;
  readonly setById: number | null;
}

/** One version of a target set at a unit. */
export interface TargetVersion {
  readonly id: number;
  readonly indicator: Indicator;
  readonly year: number;
  /** null: this version removed the target. */
  readonly value: number | null;
  readonly unitId: number;
  readonly version: number;
  readonly note: string | null;
  readonly setAt: Date;
  readonly supersededAt: Date | null;
}

interface TargetRow {
  id: number;
  indicator: Indicator;
  year: number;
  value: string | null;
  unit_id: number;
  version: number;
  note: string | null;
  set_at: Date;
  set_by_id: number | null;
  superseded_at: Date | null;
}

const inForce = (r: TargetRow): TargetInForce => ({
  id: r.id, indicator: r.indicator, year: r.year, value: Number(r.value), unitId: r.unit_id, version: r.version, note: r.note, setAt: new Date(r.set_at), setById: r.set_by_id,
});

/**
 * The targets in force for a unit and year, by indicator: the deepest unit on its path that set one
 * (a removed target there lets the one above apply again). Batched over the units of a request.
 */
export function targetsInForce(ctx: RequestContext, unit: OrgUnit, year: number): Promise<Map<Indicator, TargetInForce>> {
  return ctx.loaders
    .keyed<string, Map<Indicator, TargetInForce>>('statTargets', async (keys) => {
      const wanted = keys.map((k) => JSON.parse(k) as [string, number]);
      const ids = [...new Set(wanted.flatMap(([path]) => path.split('/').filter(Boolean)))];
      const years = [...new Set(wanted.map(([, y]) => y))];
      const found = await ctx.em.getConnection().execute<Array<TargetRow & { depth: number }>>(
        `select t.id, t.indicator, t.year, t.value::text as value, t.unit_id, t.version, t.note, t.set_at, t.set_by_id, t.superseded_at, u.depth
           from statistic_target t join org_unit u on u.id = t.unit_id
          where t.unit_id = any(?::int[]) and t.year = any(?::int[]) and t.superseded_at is null and t.value is not null
          order by u.depth`,
        [`{${ids.join(',')}}`, `{${years.join(',')}}`],
        'all',
      );
      return wanted.map(([path, year]) => {
        const onPath = new Set(path.split('/').filter(Boolean).map(Number));
        const map = new Map<Indicator, TargetInForce>();
        // Ordered by depth: the deepest unit's target is set last and wins.
        for (const r of found) if (r.year === year && onPath.has(r.unit_id)) map.set(r.indicator, inForce(r));
        return map;
      });
    })
    .load(JSON.stringify([unit.path, year]));
}

const versionOf = (r: TargetRow): TargetVersion => ({
  id: r.id, indicator: r.indicator, year: r.year, value: r.value === null ? null : Number(r.value), unitId: r.unit_id, version: r.version, note: r.note, setAt: new Date(r.set_at), supersededAt: r.superseded_at === null ? null : new Date(r.superseded_at),
});

/** Every version of the targets set at a unit for a year, oldest first: for readers of the unit's statistics. */
export async function targetHistory(ctx: RequestContext, unitId: number, year: number, indicator: Indicator | null): Promise<TargetVersion[]> {
  const unit = await getOrgUnit(ctx, unitId);
  if (!ctx.viewer.can(Permission.STATISTICS_READ, unit.path)) throw forbidden('You may not read the targets of this unit');
  const rows = await ctx.em.getConnection().execute<TargetRow[]>(
    `select id, indicator, year, value::text as value, unit_id, version, note, set_at, set_by_id, superseded_at from statistic_target
      where unit_id = ? and year = ? and (?::text is null or indicator = ?) order by indicator, version`,
    [unit.id, validYear(year, 'year'), indicator, indicator],
    'all',
  );
  return rows.map(versionOf);
}

export interface SetTargetInput {
  readonly unitId: number;
  readonly year: number;
  readonly indicator: Indicator;
  /** null removes the target (the one above applies again). */
  readonly value: number | null;
  readonly note?: string | null;
  /** The version you read: 0 when the unit had no target for it. */
  readonly version: number;
}

function checkValue(indicator: Indicator, value: number | null): string | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0) throw badInput('input.value', 'must be a number, 0 or more');
  if (INDICATORS[indicator].unit === IndicatorUnit.COUNT) {
    if (!Number.isInteger(value) || value > 10_000_000) throw badInput('input.value', 'a count target must be a whole number up to 10,000,000');
  } else {
    if (value > 1) throw badInput('input.value', 'a share is between 0 and 1 (0.7 for 70%)');
    if (Math.abs(value * 10000 - Math.round(value * 10000)) > 1e-6) throw badInput('input.value', 'a share has at most four decimals');
  }
  return String(value);
}

/**
 * Sets (or removes) a committee's target for an indicator and year (đặt chỉ tiêu): a new version,
 * the previous one kept with the time it was superseded. Needs TARGETS_MANAGE at the unit.
 */
export async function setStatisticTarget(ctx: RequestContext, input: SetTargetInput): Promise<TargetVersion> {
  const unit = await getOrgUnit(ctx, input.unitId);
  if (!ctx.viewer.can(Permission.TARGETS_MANAGE, unit.path)) throw forbidden('You may not set the targets of this unit');
  if ((CELL_KINDS as readonly OrgUnitKind[]).includes(unit.kind) || unit.kind === OrgUnitKind.PARTY_GROUP) {
    throw badInput('input.unitId', 'targets are set by committees and provinces, not cells');
  }
  const year = validYear(input.year, 'input.year');
  const value = checkValue(input.indicator, input.value);
  const note = optionalText(input.note, 'input.note', 1000);
  if (!Number.isInteger(input.version) || input.version < 0) throw badInput('input.version', 'must be 0 or a version you read');
  try {
    return await ctx.em.transactional(async (em) => {
      const current = await em.findOne(StatisticTarget, { unit: unit.id, year, indicator: input.indicator, supersededAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const held = current?.version ?? 0;
      if (held !== input.version) throw staleVersion(input.version, held);
      if (current) current.supersededAt = new Date();
      await em.flush();
      const next = em.create(StatisticTarget, {
        provinceId: unit.provinceId, unit: unit.id, unitPath: unit.path, year, indicator: input.indicator, value, note, version: held + 1,
        setBy: ctx.viewer.accountId === null ? null : em.getReference(Account, ctx.viewer.accountId),
      });
      await em.flush();
      audit(ctx, em, 'setStatisticTarget', { type: 'OrgUnit', id: unit.id, provinceId: unit.provinceId, unitPath: unit.path },
        current ? { indicator: input.indicator, year, value: current.value === null || current.value === undefined ? null : Number(current.value), version: held } : null,
        { indicator: input.indicator, year, value: input.value, note, version: held + 1 });
      return { id: next.id, indicator: input.indicator, year, value: input.value, unitId: unit.id, version: next.version, note, setAt: next.setAt, supersededAt: null };
    });
  } catch (error) {
    // Two first settings at once: the partial unique index lets one through.
    if (error instanceof UniqueConstraintViolationException) throw staleVersion(input.version, input.version + 1);
    throw error;
  }
}
