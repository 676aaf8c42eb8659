import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { AssigneeKind, FrequencyPer } from '../../entities/supervision-enums';
import { SupervisionRules } from '../../entities/supervision-rules';
import { badInput, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getProvince } from '../meetings/meeting-rules-service';

/** The supervision rules in force for a province: its own row, else the default (province null). */
export async function supervisionRulesFor(em: EntityManager, provinceId: number): Promise<SupervisionRules> {
  const rows = await em.find(SupervisionRules, { $or: [{ provinceId }, { provinceId: null }] });
  const rules = rows.find((r) => r.provinceId === provinceId) ?? rows.find((r) => r.provinceId === null || r.provinceId === undefined);
  if (!rules) throw new Error('No default supervision rules: the supervision migration seeds them');
  return rules;
}

/** The frequency the rules require of an assignee kind. */
export function frequencyOf(rules: SupervisionRules, kind: AssigneeKind): { attendances: number; per: FrequencyPer } {
  if (kind === AssigneeKind.EXECUTIVE_COMMITTEE) return { attendances: rules.executiveAttendances, per: rules.executivePer };
  if (kind === AssigneeKind.STANDING_COMMITTEE) return { attendances: rules.standingAttendances, per: rules.standingPer };
  return { attendances: rules.staffAttendances, per: rules.staffPer };
}

/** A required number of attendances: a whole number from 1 to 60 (zero is no requirement: BAD_USER_INPUT). */
export function checkAttendances(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 60) throw badInput(field, 'must be a whole number of attendances from 1 to 60');
  return value;
}

export interface SupervisionRulesInput {
  readonly provinceId: number;
  /** The version read (of the default when the province had none). */
  readonly version: number;
  readonly executiveAttendances: number;
  readonly executivePer: FrequencyPer;
  readonly standingAttendances: number;
  readonly standingPer: FrequencyPer;
  readonly standingWeakCells: boolean;
  readonly staffAttendances: number;
  readonly staffPer: FrequencyPer;
  readonly forbidOwnCell: boolean;
}

function snapshot(r: SupervisionRules): Record<string, unknown> {
  return {
    executiveAttendances: r.executiveAttendances, executivePer: r.executivePer, standingAttendances: r.standingAttendances, standingPer: r.standingPer,
    standingWeakCells: r.standingWeakCells, staffAttendances: r.staffAttendances, staffPer: r.staffPer, forbidOwnCell: r.forbidOwnCell, version: r.version,
  };
}

/** Sets a province's supervision rules: SUPERVISION_MANAGE over the whole province. */
export async function updateSupervisionRules(ctx: RequestContext, input: SupervisionRulesInput): Promise<SupervisionRules> {
  const province = await getProvince(ctx, input.provinceId, 'input.provinceId');
  if (!ctx.viewer.can(Permission.SUPERVISION_MANAGE, province.path)) throw forbidden('You may not set the supervision rules of this province');
  checkAttendances(input.executiveAttendances, 'input.executiveAttendances');
  checkAttendances(input.standingAttendances, 'input.standingAttendances');
  checkAttendances(input.staffAttendances, 'input.staffAttendances');
  const current = await supervisionRulesFor(ctx.em, province.id);
  if (current.version !== input.version) throw staleVersion(input.version, current.version);
  const before = snapshot(current);
  const { provinceId: _p, version: _v, ...fields } = input;
  return ctx.em
    .transactional(async (em) => {
      let rules: SupervisionRules;
      let created = false;
      if (current.provinceId === province.id) {
        rules = await em.findOneOrFail(SupervisionRules, current.id);
        if (rules.version !== input.version) throw staleVersion(input.version, rules.version);
        em.assign(rules, fields);
      } else {
        rules = em.create(SupervisionRules, { provinceId: province.id, ...fields });
        created = true;
      }
      await em.flush();
      if (created) {
        // The province's first own row continues the default's numbering, so the version read goes stale.
        await em.getConnection().execute('update supervision_rules set version = ? where id = ?', [current.version + 1, rules.id], 'run', em.getTransactionContext());
        rules.version = current.version + 1;
      }
      audit(ctx, em, 'updateSupervisionRules', { type: 'SupervisionRules', id: rules.id, provinceId: province.id, unitPath: province.path }, before, snapshot(rules));
      return rules;
    })
    .catch((error: unknown) => {
      if (error instanceof UniqueConstraintViolationException) throw staleVersion(input.version, input.version + 1);
      throw error;
    });
}
