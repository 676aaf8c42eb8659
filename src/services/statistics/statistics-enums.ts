/** Where a target comes from: a committee's setting, or the rules' default. */
export enum TargetSource {
  SET = 'SET',
  DEFAULT = 'DEFAULT',
}

/** Where an answer's figures were read. */
export enum CountedFrom {
  ROLLUPS = 'ROLLUPS',
  BASE_TABLES = 'BASE_TABLES',
}
