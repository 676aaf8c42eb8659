import type { Logger } from 'pino';
import type { Orm } from '../../db/orm';
import { refreshStatistics } from './refresh';

export interface RunningRefresher {
  /** Stops the loop and waits for a batch in progress. */
  stop(): Promise<void>;
}

/**
 * The background refresher of the statistics: every `intervalMs`, or at once while work is left,
 * it takes the dirty marks into the rollups. Several server processes may run one each: a batch
 * takes the refresh lock with SKIP LOCKED, so the others leave the work to it.
 */
export function startRefresher(orm: Orm, intervalMs: number, logger: Logger): RunningRefresher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const schedule = (ms: number): void => {
    if (!stopped) timer = setTimeout(turn, ms);
  };
  const turn = (): void => {
    running = (async () => {
      try {
        const result = await refreshStatistics(orm.em.fork(), { wait: false, maxBatches: 10 });
        if (result.marks > 0) logger.debug({ ...result }, 'statistics refreshed');
        schedule(result.pending ? 10 : intervalMs);
      } catch (error) {
        logger.error({ err: error }, 'statistics refresh failed; retrying');
        schedule(intervalMs);
      }
    })();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
