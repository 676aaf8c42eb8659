import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../auth/role';

@InputType({ description: 'A new person account (tạo tài khoản).' })
export class CreateAccountInput {
  @Field(() => ID, { nullable: true, description: 'Unit the account is managed from; null for national accounts.' })
  homeUnitId?: string | null;

  @Field({ description: 'Login name: 3 to 50 letters, digits, dots, dashes, underscores.' })
  username!: string;

  @Field({ description: 'Initial password, at least 10 characters.' })
  password!: string;

  @Field({ description: 'Display name.' })
  displayName!: string;

  @Field(() => ID, { nullable: true, description: 'The member this person is, for self-service (MEMBER role).' })
  memberId?: string | null;
}

@InputType({ description: 'A new service account for an integration (tạo tài khoản dịch vụ).' })
export class CreateServiceAccountInput {
  @Field(() => ID, { nullable: true, description: 'Unit the account is managed from; null for national accounts.' })
  homeUnitId?: string | null;

  @Field({ description: 'Name of the integration.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Label of its first API key.' })
  keyLabel?: string | null;
}

@InputType({ description: 'A role to grant at a unit (cấp quyền).' })
export class GrantRoleInput {
  @Field(() => ID, { description: 'The account.' })
  accountId!: string;

  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The unit whose subtree the role covers; null for national scope.' })
  unitId?: string | null;
}
