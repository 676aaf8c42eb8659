import { Migration20261124000001_foundation } from './Migration20261124000001_foundation';
import { Migration20261124000002_meetings } from './Migration20261124000002_meetings';
import { Migration20261124000003_audit_chain } from './Migration20261124000003_audit_chain';
import { Migration20261124000004_evaluations } from './Migration20261124000004_evaluations';
import { Migration20261124000005_member_lifecycle } from './Migration20261124000005_member_lifecycle';
import { Migration20261124000006_unit_history } from './Migration20261124000006_unit_history';
import { Migration20261124000007_supervision } from './Migration20261124000007_supervision';
import { Migration20261124000008_inspections } from './Migration20261124000008_inspections';
import { Migration20261203000001_member_positions } from './Migration20261203000001_member_positions';
import { Migration20261203000002_statistics } from './Migration20261203000002_statistics';
import { Migration20261207000001_token_generation } from './Migration20261207000001_token_generation';
import { Migration20261208000001_meeting_attendance_counts } from './Migration20261208000001_meeting_attendance_counts';
import { Migration20261208000004_idempotency_response_text } from './Migration20261208000004_idempotency_response_text';

/** Every migration, in order. Listed explicitly so that ts-node, jest and a build all load the same set. */
export const migrationsList = [
  { name: 'Migration20261124000001_foundation', class: Migration20261124000001_foundation },
  { name: 'Migration20261124000002_meetings', class: Migration20261124000002_meetings },
  { name: 'Migration20261124000003_audit_chain', class: Migration20261124000003_audit_chain },
  { name: 'Migration20261124000004_evaluations', class: Migration20261124000004_evaluations },
  { name: 'Migration20261124000005_member_lifecycle', class: Migration20261124000005_member_lifecycle },
  { name: 'Migration20261124000006_unit_history', class: Migration20261124000006_unit_history },
  { name: 'Migration20261124000007_supervision', class: Migration20261124000007_supervision },
  { name: 'Migration20261124000008_inspections', class: Migration20261124000008_inspections },
  { name: 'Migration20261203000001_member_positions', class: Migration20261203000001_member_positions },
  { name: 'Migration20261203000002_statistics', class: Migration20261203000002_statistics },
  { name: 'Migration20261207000001_token_generation', class: Migration20261207000001_token_generation },
  { name: 'Migration20261208000001_meeting_attendance_counts', class: Migration20261208000001_meeting_attendance_counts },
  { name: 'Migration20261208000004_idempotency_response_text', class: Migration20261208000004_idempotency_response_text },
];
