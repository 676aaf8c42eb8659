/**
 * PostgreSQL's answers that mean "two transactions collided, the same request may well succeed
 * now" (decisions.md §39): a deadlock, a serialization failure, a lock not obtained in time. The
 * rules are held by locks taken in a fixed order, so these should be rare; the ones that remain
 * answer CONFLICT with `retryable: true` rather than INTERNAL_SERVER_ERROR.
 */
const RETRYABLE_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
]);

/** The SQLSTATE of a driver error, looked for on it and on the errors it wraps (MikroORM copies pg's `code`). */
function sqlStateOf(error: unknown, depth = 0): string | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  return sqlStateOf(cause, depth + 1);
}

export function isRetryableCollision(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== null && RETRYABLE_SQLSTATES.has(state);
}
