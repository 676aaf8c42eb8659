import { Migration20261124000001_foundation } from './Migration20261124000001_foundation';
import { Migration20261124000002_meetings } from './Migration20261124000002_meetings';
import { Migration20261124000003_audit_chain } from './Migration20261124000003_audit_chain';

/** Every migration, in order. Listed explicitly so that ts-node, jest and a build all load the same set. */
export const migrationsList = [
  { name: 'Migration20261124000001_foundation', class: Migration20261124000001_foundation },
  { name: 'Migration20261124000002_meetings', class: Migration20261124000002_meetings },
  { name: 'Migration20261124000003_audit_chain', class: Migration20261124000003_audit_chain },
];
