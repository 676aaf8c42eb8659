import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';
import { errorSerializer } from './log-redaction';

/** Structured JSON logs on stdout; every request logs through a child carrying its request id. */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'chibo' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: errorSerializer },
    redact: { paths: ['password', '*.password', 'variables.password', 'authorization', '*.authorization'], censor: '[redacted]' },
  }, destination);
}
