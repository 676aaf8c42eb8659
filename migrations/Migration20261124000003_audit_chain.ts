import { Migration } from '@mikro-orm/migrations';

/**
 * Tamper-evident audit log and idempotency keys (issue #6, decisions.md §14).
 *
 * Every audit_entry is linked to the one before it in its chain (one chain per province, 0 for
 * national entries) by a SHA-256 over the entry's content and the previous hash. The link is made
 * by a trigger, so every writer (the ORM, a future import, raw SQL) chains alike; the trigger locks
 * the chain's head row until commit, so entries of one chain are numbered in commit order and two
 * transactions can never link to the same predecessor. The hash function is the one the verifier
 * recomputes (src/services/audit-log/chain-verification.ts).
 */
export class Migration20261124000003_audit_chain extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table audit_entry
  add column account_kind text null check (account_kind in ('PERSON','SERVICE')),
  add column chain_key int null,
  add column seq bigint null,
  add column salt uuid null,
  add column previous_hash bytea null,
  add column hash bytea null`);
    this.addSql(`update audit_entry e set account_kind = a.kind from account a where a.id = e.account_id`);

    // The head of each chain: its last seq and hash. Its row lock serialises the writers of one chain.
    this.addSql(`
create table audit_chain (
  chain_key int primary key,
  seq bigint not null default 0,
  head_hash bytea null,
  updated_at timestamptz not null default now()
)`);

    // Canonical content: a JSON array in a fixed order, as jsonb prints it (one text per value on
    // every PostgreSQL version); the instant as integer microseconds, independent of the session's
    // time zone. The salt is never shown: without it a visible hash cannot be used to guess a
    // redacted birth date or phone number by trying every value.
    this.addSql(`
create function audit_entry_hash(e audit_entry) returns bytea language sql stable as $fn$
  select sha256(convert_to(jsonb_build_array(
    'chibo-audit-v1', e.id, e.chain_key, e.seq, encode(e.previous_hash, 'hex'), e.salt::text,
    (extract(epoch from e.at) * 1000000)::bigint, e.account_id, e.account_kind, e.request_id,
    e.operation, e.target_type, e.target_id, e.province_id, e.unit_path, e.before, e.after
  )::text, 'UTF8'))
$fn$`);

    // The lock is the chain's head row, held to commit. The last entry is read from the (chain_key,
    // seq) index rather than from the head row: one transaction writing many entries (an import)
    // would otherwise update that one row once per entry, and each update walks all the row versions
    // the transaction made before it.
    this.addSql(`
create function audit_chain_link(e audit_entry) returns audit_entry language plpgsql as $fn$
declare
  last_seq bigint;
  last_hash bytea;
begin
  e.chain_key := coalesce(e.province_id, 0);
  e.salt := gen_random_uuid();
  insert into audit_chain (chain_key) values (e.chain_key) on conflict (chain_key) do nothing;
  -- Waits for the chain's current writer to commit; a transaction's later entries find it held already.
  perform 1 from audit_chain where chain_key = e.chain_key for update;
  select seq, hash into last_seq, last_hash from audit_entry where chain_key = e.chain_key order by seq desc limit 1;
  e.seq := coalesce(last_seq, 0) + 1;
  e.previous_hash := last_hash;
  e.hash := audit_entry_hash(e);
  return e;
end
$fn$`);

    // A fork (two entries at one position) is impossible whatever writes; the index also finds a chain's last entry.
    this.addSql(`create unique index audit_entry_chain_seq_uq on audit_entry (chain_key, seq)`);

    // Entries written before this migration are chained in id order.
    this.addSql(`
do $do$
declare
  e audit_entry;
begin
  for e in select * from audit_entry order by id loop
    e := audit_chain_link(e);
    update audit_entry set chain_key = e.chain_key, seq = e.seq, salt = e.salt, previous_hash = e.previous_hash, hash = e.hash where id = e.id;
  end loop;
end
$do$`);
    this.addSql(`alter table audit_entry alter column chain_key set not null, alter column seq set not null, alter column salt set not null, alter column hash set not null`);
    this.addSql(`create index audit_entry_target_idx on audit_entry (target_type, target_id)`);
    this.addSql(`create index audit_entry_account_idx on audit_entry (account_id)`);
    this.addSql(`
update audit_chain c set seq = last.seq, head_hash = last.hash, updated_at = now()
  from (select distinct on (chain_key) chain_key, seq, hash from audit_entry order by chain_key, seq desc) last
 where last.chain_key = c.chain_key`);

    this.addSql(`
create function audit_entry_before_insert() returns trigger language plpgsql as $fn$
begin
  return audit_chain_link(new);
end
$fn$`);
    this.addSql(`create trigger audit_entry_chain before insert on audit_entry for each row execute function audit_entry_before_insert()`);

    // The recorded head (for the verifier: entries cut off the end) moves at commit, once per
    // transaction and chain in effect: only the transaction's last entry of a chain finds none after it.
    this.addSql(`
create function audit_chain_advance() returns trigger language plpgsql as $fn$
begin
  update audit_chain set seq = new.seq, head_hash = new.hash, updated_at = now()
   where chain_key = new.chain_key and not exists (select 1 from audit_entry where chain_key = new.chain_key and seq > new.seq);
  return null;
end
$fn$`);
    this.addSql(`create constraint trigger audit_entry_advance_head after insert on audit_entry deferrable initially deferred for each row execute function audit_chain_advance()`);

    // Append-only for the application; a superuser can still get round it, which the verifier catches.
    this.addSql(`
create function audit_entry_append_only() returns trigger language plpgsql as $fn$
begin
  raise exception 'audit_entry is append-only' using errcode = 'insufficient_privilege';
end
$fn$`);
    this.addSql(`create trigger audit_entry_no_change before update or delete on audit_entry for each row execute function audit_entry_append_only()`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on audit_entry for each statement execute function audit_entry_append_only()`);

    // Idempotency keys of integration writes (src/idempotency): one row per account and key.
    this.addSql(`
create table idempotency_key (
  account_id int not null references account(id),
  key text not null check (length(key) between 1 and 255),
  fingerprint bytea not null,
  state text not null check (state in ('IN_PROGRESS','COMPLETED')),
  http_status int null,
  response jsonb null,
  created_at timestamptz not null default now(),
  locked_until timestamptz not null,
  expires_at timestamptz not null,
  primary key (account_id, key)
)`);
    this.addSql(`create index idempotency_key_expires_idx on idempotency_key (expires_at)`);
  }
}
