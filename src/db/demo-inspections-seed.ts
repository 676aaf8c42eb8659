/**
 * Demo inspections (domain.md §6, issue #5): for the first three commune committees of the demo
 * province, one programme inspection each of two of its cells, in three states: closed (all
 * remediation verified), concluded and published (one action overdue, one pending), in progress
 * (findings so far). Findings of each kind, a reprimand of one cell's member (a DISCIPLINED
 * event in the member's history). Dates are counted back from today, so nothing lies in the future.
 * Runs after the other demo seeds, in their transaction.
 */
import { addDays } from '../services/calendar';

export type Execute = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface DemoInspectionsSummary {
  inspections: number;
  findings: number;
  remediation: number;
  disciplines: number;
}

const DEMO_PROVINCE_CODE = '12';

interface Plan {
  readonly state: 'CLOSED' | 'CONCLUDED' | 'IN_PROGRESS';
  /** Days before today the period starts. */
  readonly back: number;
}

const PLANS: readonly Plan[] = [
  { state: 'CLOSED', back: 200 },
  { state: 'CONCLUDED', back: 120 },
  { state: 'IN_PROGRESS', back: 20 },
];

const FINDINGS: ReadonlyArray<[string, string, string, string]> = [
  ['STRENGTH', 'MINOR', 'PRINCIPLES_AND_REGIME', 'Chi bộ duy trì sinh hoạt định kỳ hằng tháng, đúng nguyên tắc.'],
  ['SHORTCOMING', 'MODERATE', 'RECORDS_AND_MINUTES', 'Biên bản một số cuộc họp ghi chưa đầy đủ ý kiến thảo luận.'],
  ['VIOLATION', 'SERIOUS', 'MEETING_QUALITY', 'Một đảng viên vắng sinh hoạt ba tháng liên tiếp không có lý do.'],
];

export async function seedDemoInspections(execute: Execute, today: string): Promise<DemoInspectionsSummary> {
  const summary: DemoInspectionsSummary = { inspections: 0, findings: 0, remediation: 0, disciplines: 0 };
  const communes = await execute(
    `select c.id, c.path, c.province_id from org_unit c join org_unit p on p.id = c.province_id
      where p.code = ? and c.kind = 'COMMUNE_COMMITTEE' order by c.id limit 3`,
    [DEMO_PROVINCE_CODE],
  );
  for (const [n, commune] of communes.entries()) {
    const plan = PLANS[n];
    const cells = await execute(`select id, path from org_unit where path like ? and kind = 'CELL' and status = 'ACTIVE' order by id limit 2`, [`${String(commune.path)}%`]);
    if (cells.length === 0) continue;
    const from = addDays(today, -plan.back);
    const to = addDays(from, 14);
    const concluded = plan.state === 'IN_PROGRESS' ? null : addDays(from, 30);
    const [row] = await execute(
      `insert into inspection (province_id, inspecting_unit_id, inspecting_unit_path, origin, year, title, subjects, team, period_from, period_to, state,
         started_on, concluded_on, conclusions, recommendations, published_on, closed_on)
       values (?, ?, ?, 'PROGRAMME', ?, ?, ?::text[], ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        commune.province_id, commune.id, commune.path, Number(from.slice(0, 4)),
        'Kiểm tra việc thực hiện Chỉ thị 50-CT/TW về nâng cao chất lượng sinh hoạt chi bộ',
        '{PRINCIPLES_AND_REGIME,MEETING_QUALITY,RECORDS_AND_MINUTES}',
        JSON.stringify([{ name: 'Lò Văn Thắng', role: 'Trưởng đoàn' }, { name: 'Vàng Thị Hoa', role: 'Thành viên' }]),
        from, to, plan.state, from, concluded,
        concluded ? 'Các chi bộ duy trì sinh hoạt đều; chất lượng biên bản cần nâng lên.' : null,
        concluded ? 'Hoàn thiện biên bản; đôn đốc đảng viên dự sinh hoạt đầy đủ.' : null,
        concluded ? addDays(concluded, 3) : null,
        plan.state === 'CLOSED' ? addDays(concluded as string, 90) : null,
      ],
    );
    const inspectionId = row.id;
    summary.inspections += 1;
    for (const cell of cells) {
      await execute('insert into inspection_target (inspection_id, province_id, unit_id, unit_path) values (?, ?, ?, ?)', [inspectionId, commune.province_id, cell.id, cell.path]);
    }
    for (const [kind, severity, subject, description] of FINDINGS) {
      await execute('insert into inspection_finding (inspection_id, province_id, kind, severity, subject, description) values (?, ?, ?, ?, ?, ?)', [inspectionId, commune.province_id, kind, severity, subject, description]);
      summary.findings += 1;
    }
    if (!concluded) continue;
    const cell = cells[0];
    const actions: Array<[string, string | null, string | null]> =
      plan.state === 'CLOSED'
        ? [[addDays(concluded, 30), addDays(concluded, 25), addDays(concluded, 40)]]
        : [[addDays(today, -10), null, null], [addDays(today, 30), null, null]];
    for (const [deadline, doneOn, verifiedOn] of actions) {
      await execute(
        `insert into remediation_action (inspection_id, province_id, responsible_unit_id, responsible_unit_path, description, deadline, status, done_on, done_note, verified_on, verification_note)
         values (?, ?, ?, ?, 'Hoàn thiện biên bản sinh hoạt, bổ sung chữ ký chủ trì và thư ký', ?, ?, ?, ?, ?, ?)`,
        [inspectionId, commune.province_id, cell.id, cell.path, deadline, verifiedOn ? 'VERIFIED' : 'OPEN', doneOn, doneOn ? 'Đã bổ sung' : null, verifiedOn, verifiedOn ? 'Đã kiểm tra lại, đạt yêu cầu' : null],
      );
      summary.remediation += 1;
    }
    if (plan.state === 'CONCLUDED') {
      const [member] = await execute(`select id, unit_id, unit_path, province_id from member where unit_id = ? and status = 'OFFICIAL' order by id limit 1`, [cell.id]);
      if (member) {
        const decided = addDays(concluded, 5);
        const reason = 'Vắng sinh hoạt chi bộ ba tháng liên tiếp không có lý do';
        await execute('insert into inspection_target (inspection_id, province_id, unit_id, unit_path, member_id) values (?, ?, ?, ?, ?)', [inspectionId, member.province_id, member.unit_id, member.unit_path, member.id]);
        await execute(
          `insert into discipline (inspection_id, province_id, unit_id, unit_path, member_id, kind, decided_on, decision_ref, reason) values (?, ?, ?, ?, ?, 'REPRIMAND', ?, '05-QĐ/UBKT', ?)`,
          [inspectionId, member.province_id, member.unit_id, member.unit_path, member.id, decided, reason],
        );
        await execute(
          `insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, decision_ref, details) values (?, ?, ?, ?, 'DISCIPLINED', ?, '05-QĐ/UBKT', ?::json)`,
          [member.province_id, member.id, member.unit_id, member.unit_path, decided, JSON.stringify({ reason, disciplineKind: 'REPRIMAND', inspectionId })],
        );
        summary.disciplines += 1;
      }
    }
  }
  return summary;
}
