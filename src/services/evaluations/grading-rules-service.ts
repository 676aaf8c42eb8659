import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { GradingRules } from '../../entities/grading-rules';
import { badInput, forbidden, staleVersion } from '../../errors/app-error';
import { uniqueOr } from '../../errors/unique-violation';
import type { RequestContext } from '../../request-context';
import { lockGroups } from '../../db/advisory-lock';
import { audit } from '../audit';
import { getProvince } from '../meetings/meeting-rules-service';

/** The grading constraints in force for a province: its own row, else the default (province null). */
export async function gradingRulesFor(em: EntityManager, provinceId: number, refresh = false): Promise<GradingRules> {
  const rows = await em.find(GradingRules, { $or: [{ provinceId }, { provinceId: null }] }, { refresh });
  const rules = rows.find((r) => r.provinceId === provinceId) ?? rows.find((r) => r.provinceId === null || r.provinceId === undefined);
  if (!rules) throw new Error('No default grading rules: the evaluations migration seeds them');
  rules.excellentMaxShareOfGood = rules.excellentMaxShareOfGood === null || rules.excellentMaxShareOfGood === undefined ? null : Number(rules.excellentMaxShareOfGood);
  return rules;
}

export async function gradingRulesOf(ctx: RequestContext, provinceId: number): Promise<GradingRules> {
  const province = await getProvince(ctx, provinceId, 'provinceId');
  return gradingRulesFor(ctx.em, province.id);
}

export interface GradingRulesInput {
  readonly provinceId: number;
  readonly version: number;
  readonly excellentMaxShareOfGood: number | null;
  readonly excellentRequiresNoWeakMonth: boolean;
}

const snapshot = (r: GradingRules): Record<string, unknown> => ({ excellentMaxShareOfGood: r.excellentMaxShareOfGood ?? null, excellentRequiresNoWeakMonth: r.excellentRequiresNoWeakMonth, version: r.version });

export async function updateGradingRules(ctx: RequestContext, input: GradingRulesInput): Promise<GradingRules> {
  const province = await getProvince(ctx, input.provinceId, 'input.provinceId');
  if (!ctx.viewer.can(Permission.EVALUATION_RULES_MANAGE, province.path)) throw forbidden('You may not set the grading rules of this province');
  const cap = input.excellentMaxShareOfGood;
  if (cap !== null && !(cap > 0 && cap <= 1)) throw badInput('input.excellentMaxShareOfGood', 'must be a share above 0 and at most 1 (0.2 for 20%), or null for no cap');
  const current = await gradingRulesFor(ctx.em, province.id);
  if (current.version !== input.version) throw staleVersion(input.version, current.version);
  const before = snapshot(current);
  // Changes of one province's rules queue on its lock and check again what they read: the first
  // change creates the province's own row, whose version starts again, so a racing first change
  // that read the national row could otherwise pass the version check against the new row. The
  // unique index stays the last line (grading_rules_province_uq).
  return uniqueOr(() => ctx.em.transactional(async (em) => {
    await lockGroups(em, [`grading-rules:${province.id}`]);
    const now = await gradingRulesFor(em, province.id, true);
    if (now.id !== current.id || now.version !== input.version) throw staleVersion(input.version, now.id === current.id ? now.version : input.version + 1);
    const fields = { excellentMaxShareOfGood: cap, excellentRequiresNoWeakMonth: input.excellentRequiresNoWeakMonth };
    let rules: GradingRules;
    if (current.provinceId === province.id) {
      rules = await em.findOneOrFail(GradingRules, current.id);
      // Plain assignment: em.assign validates the nullable numeric against its reflected runtime type (string) and rejects a number.
      rules.excellentMaxShareOfGood = fields.excellentMaxShareOfGood;
      rules.excellentRequiresNoWeakMonth = fields.excellentRequiresNoWeakMonth;
    } else {
      rules = em.create(GradingRules, { provinceId: province.id, ...fields });
    }
    await em.flush();
    audit(ctx, em, 'updateGradingRules', { type: 'GradingRules', id: rules.id, provinceId: province.id, unitPath: province.path }, before, snapshot(rules));
    return rules;
  }), () => staleVersion(input.version, input.version + 1));
}
