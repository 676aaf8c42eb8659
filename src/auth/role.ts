/** Roles held at a unit (or nationally); what each may do is in role-permissions.ts. */
export enum Role {
  ADMIN = 'ADMIN',
  ORGANIZER = 'ORGANIZER',
  INSPECTOR = 'INSPECTOR',
  MEMBER = 'MEMBER',
  ANALYST = 'ANALYST',
  /** Derived from an active SECRETARY or DEPUTY_SECRETARY position in a cell. */
  CELL_SECRETARY = 'CELL_SECRETARY',
  /** Derived from a supervisory assignment running today, at the assigned cell (phân công dự, theo dõi sinh hoạt). */
  SUPERVISOR = 'SUPERVISOR',
}
