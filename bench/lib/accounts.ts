import type { Client } from 'pg';

export interface BenchAccount {
  username: string;
  displayName: string;
  role: 'ADMIN' | 'ORGANIZER' | 'INSPECTOR' | 'MEMBER' | 'ANALYST';
  /** The unit the role is held at, by kind and code; null: a national assignment (no unit). */
  unit: { kind: string; code: string } | null;
}

/** Creates a person account with an argon2id hash made by the caller, and its one role assignment. */
export async function createAccount(client: Client, account: BenchAccount, passwordHash: string): Promise<void> {
  const created = await client.query<{ id: number }>(
    `insert into account (kind, username, password_hash, display_name) values ('PERSON', $1, $2, $3) returning id`,
    [account.username, passwordHash, account.displayName],
  );
  const granted = await client.query(
    `insert into role_assignment (account_id, role, unit_id, unit_path, province_id)
     select $1::int, $2::text, u.id, u.path, u.province_id from org_unit u where $3::text is not null and u.kind = $3 and u.code = $4
     union all select $1::int, $2::text, null, null, null where $3::text is null`,
    [created.rows[0]?.id, account.role, account.unit?.kind ?? null, account.unit?.code ?? null],
  );
  const where = account.unit === null ? 'nationally' : `at ${account.unit.kind} ${account.unit.code}`;
  if (granted.rowCount !== 1) throw new Error(`could not grant ${account.username} ${account.role} ${where}: the unit was not found`);
}
