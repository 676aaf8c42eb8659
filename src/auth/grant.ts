import { Role } from './role';

/** A role assignment as the permission checks see it: a role and the path of the unit (null: national). */
export interface Grant {
  readonly assignmentId: number;
  readonly role: Role;
  readonly unitId: number | null;
  readonly unitPath: string | null;
  readonly provinceId: number | null;
}
