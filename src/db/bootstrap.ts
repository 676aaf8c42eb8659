import type { Logger } from 'pino';
import { todayInVietnam } from '../services/calendar';
import { refreshStatistics } from '../services/statistics/refresh';
import { seedDemoEvaluations } from './demo-evaluations-seed';
import { seedDemoInspections } from './demo-inspections-seed';
import { seedDemoMeetings } from './demo-meetings-seed';
import { seedDemo } from './demo-seed';
import { seedDemoSupervision } from './demo-supervision-seed';
import { seedDemoTargets } from './demo-targets-seed';
import { migrate, type Orm } from './orm';

/** Applies pending migrations and, when asked, seeds the demo province into an empty database. */
export async function prepareDatabase(orm: Orm, logger: Logger, seed: boolean): Promise<void> {
  const applied = await migrate(orm);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  if (!seed) return;
  const em = orm.em.fork();
  const [{ n }] = await em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from org_unit', [], 'all');
  if (n > 0) return;
  await em.transactional(async (tx) => {
    const execute = (sql: string, params?: unknown[]) => tx.getConnection().execute(sql, params ?? [], 'all', tx.getTransactionContext());
    const summary = await seedDemo(execute);
    logger.info({ units: summary.units, cells: summary.cells, members: summary.members }, 'demo province seeded');
    logger.info(await seedDemoMeetings(execute, todayInVietnam()), 'demo meetings seeded');
    logger.info(await seedDemoEvaluations(execute, todayInVietnam()), 'demo evaluations seeded');
    logger.info(await seedDemoInspections(execute, todayInVietnam()), 'demo inspections seeded');
    logger.info(await seedDemoSupervision(execute, todayInVietnam()), 'demo supervision seeded');
    logger.info(await seedDemoTargets(execute, todayInVietnam()), 'demo targets seeded');
  });
  // The demo opens with its statistics current rather than after the refresher's first turns.
  const started = Date.now();
  const refreshed = await refreshStatistics(orm.em.fork());
  logger.info({ ...refreshed, ms: Date.now() - started }, 'demo statistics built');
}
