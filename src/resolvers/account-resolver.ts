import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Account } from '../entities/account';
import type { ApiKey } from '../entities/api-key';
import type { Member } from '../entities/member';
import type { OrgUnit } from '../entities/org-unit';
import type { RoleAssignment } from '../entities/role-assignment';
import type { RequestContext } from '../request-context';
import { createAccount, createApiKey, createServiceAccount, revokeApiKey, type IssuedApiKey } from '../services/accounts/account-commands';
import { activeAssignmentsOf, apiKeysOf } from '../services/accounts/account-queries';
import { toGlobalId } from '../services/global-id';
import { findMember } from '../services/members/member-queries';
import { findOrgUnit } from '../services/tree/org-unit-queries';
import { CreateAccountInput, CreateServiceAccountInput } from '../schema/inputs/account-inputs';
import { AccountType, ApiKeyType, IssuedApiKeyType, RoleAssignmentType, ServiceAccountPayload } from '../schema/types/account-types';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';

@Resolver(() => AccountType)
export class AccountResolver {
  @Mutation(() => AccountType, { description: 'Creates a person account managed from a unit you administer; grant roles separately (tạo tài khoản).' })
  createAccount(@Arg('input', () => CreateAccountInput, { description: 'The new account.' }) input: CreateAccountInput, @Ctx() ctx: RequestContext): Promise<Account> {
    return createAccount(ctx, {
      ...input,
      homeUnitId: optionalId(input.homeUnitId, 'OrgUnit', 'input.homeUnitId'),
      memberId: optionalId(input.memberId, 'Member', 'input.memberId'),
    });
  }

  @Mutation(() => ServiceAccountPayload, { description: 'Creates a service account for an integration, with its first API key shown once (tạo tài khoản dịch vụ).' })
  createServiceAccount(@Arg('input', () => CreateServiceAccountInput, { description: 'The new service account.' }) input: CreateServiceAccountInput, @Ctx() ctx: RequestContext): Promise<{ account: Account } & IssuedApiKey> {
    return createServiceAccount(ctx, { ...input, homeUnitId: optionalId(input.homeUnitId, 'OrgUnit', 'input.homeUnitId') });
  }

  @Mutation(() => IssuedApiKeyType, { description: 'Issues another API key for a service account; the key is shown once (tạo khóa API).' })
  createApiKey(@Arg('accountId', () => ID, { description: 'Global id of the service account.' }) accountId: string, @Arg('label', { description: 'What the key is for, up to 100 characters (nhãn).' }) label: string, @Ctx() ctx: RequestContext): Promise<IssuedApiKey> {
    return createApiKey(ctx, requiredId(accountId, 'Account', 'accountId'), label);
  }

  @Mutation(() => ApiKeyType, { description: 'Revokes an API key at once (thu hồi khóa API).' })
  revokeApiKey(@Arg('id', () => ID, { description: 'Global id of the API key.' }) id: string, @Ctx() ctx: RequestContext): Promise<ApiKey> {
    return revokeApiKey(ctx, requiredId(id, 'ApiKey', 'id'));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() account: Account): string {
    return toGlobalId('Account', account.id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member this person is, if linked and visible to you (đảng viên).' })
  member(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return account.member ? findMember(ctx, account.member.id) : null;
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit the account is managed from; null for national accounts or outside your scope.' })
  homeUnit(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> | null {
    return account.homeUnit ? findOrgUnit(ctx, account.homeUnit.id) : null;
  }

  @FieldResolver(() => [RoleAssignmentType], { description: 'Roles in force (vai trò đang có).' })
  roleAssignments(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<RoleAssignment[]> {
    return activeAssignmentsOf(ctx, account);
  }

  @FieldResolver(() => [ApiKeyType], { description: 'API keys of a service account, revoked ones included (khóa API).' })
  apiKeys(@Root() account: Account, @Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return apiKeysOf(ctx, account);
  }
}

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() key: ApiKey): string {
    return toGlobalId('ApiKey', key.id);
  }
}
