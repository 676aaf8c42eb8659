import { Permission } from '../../auth/permission';
import { OrgUnitKind } from '../../entities/org-unit-enums';
import { badInput, forbidden, notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { getOrgUnit } from '../tree/org-unit-queries';
import { verifyAuditChains, type ChainVerification } from './chain-verification';

/**
 * Verifies a province's chain for a viewer holding AUDIT_READ over the whole province, or every
 * chain (national entries included) for one holding it nationally. A chain is all-or-nothing: a
 * commune's entries are interleaved with the rest of the province, so a commune cannot verify "its" part.
 */
export async function verifyAuditChainFor(ctx: RequestContext, provinceId: number | null): Promise<ChainVerification> {
  if (provinceId === null) {
    if (!ctx.viewer.can(Permission.AUDIT_READ, null)) throw forbidden('Verifying every chain needs national scope; name a province');
    return verifyAuditChains(ctx.em, 'ALL');
  }
  const unit = await getOrgUnit(ctx, provinceId);
  if (unit.kind !== OrgUnitKind.PROVINCE) throw badInput('provinceId', 'must be the id of a province');
  if (!ctx.viewer.can(Permission.AUDIT_READ, unit.path)) throw notFound('Org unit');
  return verifyAuditChains(ctx.em, [unit.id]);
}
