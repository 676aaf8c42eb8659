import { stdSerializers } from 'pino';

/**
 * Errors from the database carry the statement with its values (knex writes
 * "<statement with parameters> - <message>") and PostgreSQL's own message and detail may quote
 * the offending value: personal data must not reach the logs (issue #15). Logged errors keep
 * their type, code and PostgreSQL's message with values masked; the statement, the parameters
 * and the detail are dropped.
 */
const STATEMENT_PREFIX = /(^|:\s)\s*(select|insert|update|delete|with|create|alter|drop|truncate|begin|commit|rollback|savepoint|release|set)\b[\s\S]*? - /gi;
const QUOTED_VALUE = /(:\s*)"[^"]*"/g;
const KEY_VALUE = /\)=\([^)]*\)/g;
const DROPPED = ['detail', 'where', 'query', 'sql', 'parameters', 'params', 'bindings', 'hint', 'internalQuery'];

export function redactDatabaseText(text: string): string {
  return text.replace(STATEMENT_PREFIX, '$1[statement redacted] - ').replace(QUOTED_VALUE, '$1"[redacted]"').replace(KEY_VALUE, ')=([redacted])');
}

export function errorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of DROPPED) delete serialized[key];
  if (typeof serialized.message === 'string') serialized.message = redactDatabaseText(serialized.message);
  if (typeof serialized.stack === 'string') serialized.stack = redactDatabaseText(serialized.stack);
  if (serialized.cause !== undefined) serialized.cause = errorSerializer((error as { cause?: unknown }).cause);
  return serialized;
}
