import { Migration20261124000001_foundation } from './Migration20261124000001_foundation';

/** Every migration, in order. Listed explicitly so that ts-node, jest and a build all load the same set. */
export const migrationsList = [
  { name: 'Migration20261124000001_foundation', class: Migration20261124000001_foundation },
];
