import { Field, ObjectType } from 'type-graphql';
import { Permission } from '../../auth/permission';
import { Role } from '../../auth/role';
import { AccountKind } from '../../entities/account';
import { Node } from '../node';
import { DateTime } from '../scalars';

@ObjectType('Account', { implements: Node, description: 'A login of a person or a service account of an integration (tài khoản).' })
export class AccountType extends Node {
  @Field(() => AccountKind, { description: 'Person or service account (loại tài khoản).' })
  kind!: AccountKind;

  @Field(() => String, { nullable: true, description: 'Login name, for people (tên đăng nhập).' })
  username!: string | null;

  @Field({ description: 'Display name (tên hiển thị).' })
  displayName!: string;

  @Field({ description: 'Whether the account may sign in (đang hoạt động).' })
  active!: boolean;

  @Field(() => DateTime, { nullable: true, description: 'Last successful login (lần đăng nhập gần nhất).' })
  lastLoginAt!: Date | null;

  @Field(() => DateTime, { description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType('RoleAssignment', { implements: Node, description: 'A role held at a unit, covering its subtree (phân quyền).' })
export class RoleAssignmentType extends Node {
  @Field(() => Role, { description: 'The role (vai trò).' })
  role!: Role;

  @Field(() => DateTime, { description: 'When it was granted (ngày cấp).' })
  grantedAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was revoked; null while in force (ngày thu hồi).' })
  revokedAt!: Date | null;
}

@ObjectType('ApiKey', { implements: Node, description: 'An API key of a service account; the secret is shown only once, at creation (khóa API).' })
export class ApiKeyType extends Node {
  @Field({ description: 'What the key is for (nhãn).' })
  label!: string;

  @Field({ description: 'Public prefix that identifies the key in logs (tiền tố).' })
  prefix!: string;

  @Field(() => DateTime, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'Last time the key was used (to the minute).' })
  lastUsedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When the key was revoked; null while valid (ngày thu hồi).' })
  revokedAt!: Date | null;
}

@ObjectType('IssuedApiKey', { description: 'A newly created API key with its secret, shown this one time only.' })
export class IssuedApiKeyType {
  @Field(() => ApiKeyType, { description: 'The key record.' })
  apiKey!: ApiKeyType;

  @Field({ description: 'The full key to send as `Authorization: ApiKey <key>`. Store it now: it cannot be shown again.' })
  key!: string;
}

@ObjectType('ServiceAccountPayload', { description: 'A new service account with its first API key.' })
export class ServiceAccountPayload extends IssuedApiKeyType {
  @Field(() => AccountType, { description: 'The service account.' })
  account!: AccountType;
}

@ObjectType('AuthPayload', { description: 'Tokens of a signed-in session (phiên đăng nhập).' })
export class AuthPayload {
  @Field({ description: 'Short-lived access token: send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field(() => DateTime, { description: 'When the access token expires.' })
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Refresh token: trade it for new tokens with `refreshAccessToken`; single use.' })
  refreshToken!: string;

  @Field(() => DateTime, { description: 'When the refresh token expires.' })
  refreshTokenExpiresAt!: Date;

  @Field(() => AccountType, { description: 'The signed-in account.' })
  account!: AccountType;
}

@ObjectType('RoleDefinition', { description: 'A role and what it permits, from the one role table (định nghĩa vai trò).' })
export class RoleDefinitionType {
  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field({ description: 'What the role is for.' })
  description!: string;

  @Field(() => [Permission], { description: 'Permissions it grants over the subtree of the unit it is held at.' })
  permissions!: Permission[];
}

@ObjectType('ViewerPermission', { description: 'Where the caller holds a permission (phạm vi quyền).' })
export class ViewerPermissionType {
  @Field(() => Permission, { description: 'The permission.' })
  permission!: Permission;

  @Field({ description: 'True when it holds nationally, over every province.' })
  national!: boolean;

  unitIds!: number[];
}

@ObjectType('Viewer', { description: 'The caller: account, linked member, roles and what they may do where (người dùng hiện tại).' })
export class ViewerType {
  accountId!: number;
}
