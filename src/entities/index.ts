import { Account } from './account';
import { ApiKey } from './api-key';
import { AuditEntry } from './audit-entry';
import { Member } from './member';
import { MemberPosition } from './member-position';
import { OrgUnit } from './org-unit';
import { RefreshToken } from './refresh-token';
import { RoleAssignment } from './role-assignment';

/** Every entity, registered with the ORM. */
export const entities = [OrgUnit, Member, MemberPosition, Account, ApiKey, RoleAssignment, RefreshToken, AuditEntry];
