import { AccountResolver, ApiKeyResolver } from './account-resolver';
import { AuthResolver } from './auth-resolver';
import { MemberPositionResolver } from './member-position-resolver';
import { MemberResolver } from './member-resolver';
import { NodeResolver } from './node-resolver';
import { OrgUnitResolver } from './org-unit-resolver';
import { RoleAssignmentResolver } from './role-assignment-resolver';
import { ViewerPermissionResolver, ViewerResolver } from './viewer-resolver';

export const resolvers = [
  NodeResolver,
  ViewerResolver,
  ViewerPermissionResolver,
  OrgUnitResolver,
  MemberResolver,
  MemberPositionResolver,
  AuthResolver,
  AccountResolver,
  ApiKeyResolver,
  RoleAssignmentResolver,
] as const;
