import type { Execute } from './demo-seed';

/**
 * Demo member lifecycle beyond admission (onboarding-history.ts): exemptions for some elderly
 * members, which the demo meetings mark EXEMPT, and one transfer in flight into the Nậm Cười cell
 * for its organizer to receive. Set-based and deterministic (hashes of ids, fixed dates).
 */

/** Exempt from 2023 on: before the two years of demo meetings, whatever today is. */
const EXEMPT_FROM = '2023-01-03';
const EXEMPT_REASON = 'Tuổi cao, sức yếu';

/** `receivingCellId`: the Nậm Cười cell, whose demo organizer receives the transfer. */
export async function seedDemoLifecycle(execute: Execute, provinceId: number, receivingCellId: number): Promise<void> {
  // About 60% of the members born before 1950 (miễn công tác và sinh hoạt đảng).
  await execute(
    `with chosen as (
       select m.*, greatest(m.admission_date, date '${EXEMPT_FROM}') as exempt_from from member m
        where m.province_id = ? and m.birth_date < date '1950-01-01' and (abs(hashtext('exempt-' || m.id)::bigint) % 100) < 60
     ), exempted as (
       insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, decision_ref, details)
       select province_id, id, unit_id, unit_path, 'EXEMPTED', exempt_from, 'QĐ miễn sinh hoạt ' || id || '-QĐ/CB',
              jsonb_build_object('exemptFrom', exempt_from, 'exemptTo', null, 'reason', '${EXEMPT_REASON}', 'source', 'ONBOARDING')
         from chosen order by id
       returning id, member_id, occurred_on
     )
     insert into member_exemption (province_id, member_id, started_on, reason, started_by_event_id)
     select ?, member_id, occurred_on, '${EXEMPT_REASON}', id from exempted`,
    [provinceId, provinceId],
  );

  // An official member of another Bình Lư cell, sent to Nậm Cười and not yet received.
  await execute(
    `with target as (
       select id, path, province_id from org_unit where province_id = ? and id = ?
     ), mover as (
       select m.* from member m join org_unit u on u.id = m.unit_id
        where m.province_id = ? and m.status = 'OFFICIAL' and u.kind = 'CELL' and u.cell_type = 'RESIDENTIAL'
          and u.parent_id = (select parent_id from org_unit where id = (select id from target))
          and m.unit_id <> (select id from target)
          and not exists (select 1 from member_position p where p.member_id = m.id)
          and not exists (select 1 from member_exemption e where e.member_id = m.id)
        order by m.id limit 1
     ), sent as (
       insert into member_transfer (member_id, kind, from_province_id, from_unit_id, from_unit_path, to_province_id, to_unit_id, to_unit_path, sent_on, sent_decision_ref)
       select mv.id, 'OFFICIAL', mv.province_id, mv.unit_id, mv.unit_path, t.province_id, t.id, t.path, date '2026-10-20', '27-GGT/ĐU'
         from mover mv cross join target t
       returning id, member_id
     )
     insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, decision_ref, details, transfer_id)
     select mv.province_id, mv.id, mv.unit_id, mv.unit_path, 'TRANSFER_SENT', date '2026-10-20', '27-GGT/ĐU', '{"transferKind":"OFFICIAL"}', s.id
       from sent s join mover mv on mv.id = s.member_id`,
    [provinceId, receivingCellId, provinceId],
  );
}
