/** What a role lets its holder do inside the subtree it is held at. */
export enum Permission {
  /** Read units of the tree. */
  TREE_READ = 'TREE_READ',
  /** Create and change units. */
  TREE_WRITE = 'TREE_WRITE',
  /** Read member rows (names, status, positions) but not personal data. */
  MEMBERS_READ = 'MEMBERS_READ',
  /** Read personal data: birth date, citizen id, party card number, phone, address, religion. */
  MEMBERS_PERSONAL = 'MEMBERS_PERSONAL',
  /** Create and change member records. */
  MEMBERS_WRITE = 'MEMBERS_WRITE',
  /** Create accounts and API keys, grant and revoke roles. */
  ACCOUNTS_MANAGE = 'ACCOUNTS_MANAGE',
  /** Counts and ratios; no rows about a person. */
  STATISTICS_READ = 'STATISTICS_READ',
}
