import { UniqueConstraintViolationException } from '@mikro-orm/core';

/**
 * Runs a write whose rule a unique index also holds (decisions.md §39): two writers that both
 * passed the check race to the index, and the loser answers `taken()`, the same typed error the
 * check gives when the calls come one after the other, instead of INTERNAL_SERVER_ERROR.
 */
export async function uniqueOr<T>(work: () => Promise<T>, taken: () => Error | Promise<Error>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw await taken();
    throw error;
  }
}
