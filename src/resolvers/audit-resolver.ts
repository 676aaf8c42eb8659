import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AccountKind, type Account } from '../entities/account';
import type { AuditEntry } from '../entities/audit-entry';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { findAccount } from '../services/accounts/account-queries';
import { listAuditEntries, type AuditLogFilter } from '../services/audit-log/audit-log-queries';
import type { ChainVerification } from '../services/audit-log/chain-verification';
import { visibleSnapshots } from '../services/audit-log/redaction';
import { verifyAuditChainFor } from '../services/audit-log/verify-for-viewer';
import { decodeGlobalId, isNodeType, toGlobalId } from '../services/global-id';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { AuditLogFilterInput } from '../schema/inputs/audit-inputs';
import { JSONObject } from '../schema/scalars';
import { AccountType } from '../schema/types/account-types';
import { AuditChainVerificationType, AuditEntryConnection, AuditEntryType } from '../schema/types/audit-types';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId } from './ids';

async function auditLogFilter(ctx: RequestContext, input: AuditLogFilterInput | null | undefined): Promise<AuditLogFilter> {
  const subtreeId = optionalId(input?.subtreeOf, 'OrgUnit', 'filter.subtreeOf');
  const subtree = subtreeId === null ? null : await getOrgUnit(ctx, subtreeId);
  return {
    operations: input?.operations,
    targetType: input?.targetType,
    target: input?.targetId ? decodeGlobalId(input.targetId, 'filter.targetId') : null,
    actorId: optionalId(input?.actorId, 'Account', 'filter.actorId'),
    from: input?.from,
    to: input?.to,
    subtreeOfPath: subtree?.path,
  };
}

/** A verification as the API shows it: the broken entry by global id. */
function verificationView(result: ChainVerification): AuditChainVerificationType {
  const broken = result.firstBreak;
  return { ...result, firstBreak: broken && { ...broken, entryId: broken.entryId === null ? null : toGlobalId('AuditEntry', broken.entryId) } };
}

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'The audit log of the units where you hold AUDIT_READ, newest first; personal data only where you may read it (nhật ký kiểm toán).',
  })
  async auditLog(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditLogFilterInput, { nullable: true, description: 'Which entries.' }) filter?: AuditLogFilterInput,
  ): Promise<ConnectionValue<AuditEntry>> {
    return toConnection(await listAuditEntries(ctx, await auditLogFilter(ctx, filter), page));
  }

  @Query(() => AuditChainVerificationType, {
    description: "Walks a province's audit chain (or, nationally, every chain) and reports the first entry that does not verify (kiểm tra tính toàn vẹn nhật ký).",
  })
  async verifyAuditChain(
    @Ctx() ctx: RequestContext,
    @Arg('provinceId', () => ID, { nullable: true, description: 'The province whose chain to walk; leave out for every chain (national scope only).' }) provinceId?: string | null,
  ): Promise<AuditChainVerificationType> {
    return verificationView(await verifyAuditChainFor(ctx, optionalId(provinceId, 'OrgUnit', 'provinceId')));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() entry: AuditEntry): string {
    return toGlobalId('AuditEntry', entry.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global id of the changed object, when its type has one (mã đối tượng).' })
  targetId(@Root() entry: AuditEntry): string | null {
    return entry.targetId && isNodeType(entry.targetType) ? toGlobalId(entry.targetType, entry.targetId) : null;
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit the change belongs to, if you may read it; null for national entries (đơn vị).' })
  unit(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> | null {
    const unitId = entry.unitPath?.split('/').at(-2);
    return unitId ? findOrgUnit(ctx, Number(unitId)) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'Global id of the account that made the change (tài khoản thực hiện).' })
  actorId(@Root() entry: AuditEntry): string | null {
    return entry.accountId ? toGlobalId('Account', entry.accountId) : null;
  }

  @FieldResolver(() => AccountKind, { nullable: true, description: 'Whether a person or a service account made the change (loại tài khoản thực hiện).' })
  actorKind(@Root() entry: AuditEntry): AccountKind | null {
    return entry.accountKind ?? null;
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The account that made the change, if you may see it: your own, or one you manage (người thực hiện).' })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<Account | null> | null {
    return entry.accountId ? findAccount(ctx, entry.accountId) : null;
  }

  @FieldResolver(() => JSONObject, { nullable: true, description: 'The object before the change; null for a creation (trước khi thay đổi).' })
  before(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Record<string, unknown> | null {
    return visibleSnapshots(ctx, entry).before;
  }

  @FieldResolver(() => JSONObject, { nullable: true, description: 'The object after the change (sau khi thay đổi).' })
  after(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Record<string, unknown> | null {
    return visibleSnapshots(ctx, entry).after;
  }

  @FieldResolver(() => [String], { description: 'Personal values left out of before/after because you may not read personal data there, e.g. after.birthDate (dữ liệu cá nhân được ẩn).' })
  redactedFields(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): string[] {
    return visibleSnapshots(ctx, entry).redacted;
  }

  @FieldResolver(() => Int, { description: 'Position in its chain, from 1, in commit order (số thứ tự trong chuỗi).' })
  seq(@Root() entry: AuditEntry): number {
    return Number(entry.seq);
  }

  @FieldResolver(() => String, { description: 'SHA-256 of this entry and the hash before it, hex (mã băm).' })
  hash(@Root() entry: AuditEntry): string {
    return entry.hash?.toString('hex') ?? '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'Hash of the entry before it in the chain, hex; null for the first (mã băm của bản ghi trước).' })
  previousHash(@Root() entry: AuditEntry): string | null {
    return entry.previousHash?.toString('hex') ?? null;
  }
}
