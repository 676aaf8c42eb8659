import type { Contribution } from '../contribution-sql';
import { StatFamily } from '../families';
import { complianceContribution } from './compliance';
import { evaluationsContribution } from './evaluations';
import { gradesContribution } from './grades';
import { inspectionsContribution } from './inspections';
import { meetingsContribution } from './meetings';
import { membersContribution } from './members';
import { oversightContribution } from './oversight';
import { positionsContribution } from './positions';
import { treeContribution } from './tree';

/** The contribution query of every family; adding a family without one does not compile. */
export const CONTRIBUTIONS: Readonly<Record<StatFamily, Contribution>> = {
  [StatFamily.TREE]: treeContribution,
  [StatFamily.MEMBERS]: membersContribution,
  [StatFamily.POSITIONS]: positionsContribution,
  [StatFamily.MEETINGS]: meetingsContribution,
  [StatFamily.COMPLIANCE]: complianceContribution,
  [StatFamily.EVALUATIONS]: evaluationsContribution,
  [StatFamily.GRADES]: gradesContribution,
  [StatFamily.OVERSIGHT]: oversightContribution,
  [StatFamily.INSPECTIONS]: inspectionsContribution,
};
