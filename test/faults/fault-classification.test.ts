import { GraphQLError } from 'graphql';
import { formatError } from '../../src/errors/format-error';
import { cutOffError, faultOf } from '../../src/errors/unavailable';

/**
 * Which errors are faults of the service (decisions.md §44), beside the end-to-end tests that
 * produce the common ones (connection refused, statement_timeout, a request cut off at its
 * deadline or at shutdown): the rarer SQLSTATEs and wrappers, and what stays masked.
 */
const withCode = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

test.each([
  ['57P01 admin_shutdown', 'SERVICE_UNAVAILABLE', withCode('57P01')],
  ['57P03 cannot_connect_now', 'SERVICE_UNAVAILABLE', withCode('57P03')],
  ['08006 connection_failure', 'SERVICE_UNAVAILABLE', withCode('08006')],
  ['08001 unable to connect', 'SERVICE_UNAVAILABLE', withCode('08001')],
  ['53300 too_many_connections', 'SERVICE_UNAVAILABLE', withCode('53300')],
  ['ECONNREFUSED', 'SERVICE_UNAVAILABLE', withCode('ECONNREFUSED')],
  ['ECONNRESET', 'SERVICE_UNAVAILABLE', withCode('ECONNRESET')],
  ['an AggregateError of refused addresses', 'SERVICE_UNAVAILABLE', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed')],
  ["knex's pool acquire timeout", 'SERVICE_UNAVAILABLE', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' })],
  ["node-postgres's lost connection", 'SERVICE_UNAVAILABLE', new Error('Connection terminated unexpectedly')],
  ['a refused connection as the cause of another error', 'SERVICE_UNAVAILABLE', new Error('wrapped', { cause: withCode('ECONNREFUSED') })],
  ['57014 statement_timeout', 'TIMEOUT', withCode('57014', 'canceling statement due to statement timeout')],
  ['25P03 idle_in_transaction_session_timeout', 'TIMEOUT', withCode('25P03')],
  ['a request cut off at its deadline', 'TIMEOUT', cutOffError('deadline')],
  ['a request cut off at shutdown', 'SERVICE_UNAVAILABLE', cutOffError('shutdown')],
  ['the deadline mark copied onto a wrapper (as MikroORM copies own properties)', 'TIMEOUT', Object.assign(new Error('DriverException'), { ...cutOffError('deadline') })],
  ['23505 unique_violation', null, withCode('23505')],
  ['42P01 undefined_table', null, withCode('42P01')],
  ['a plain bug', null, new TypeError('x is undefined')],
  ['nothing', null, undefined],
] as const)('%s → %s', (_name, expected, error) => {
  expect(faultOf(error)).toBe(expected);
});

test('a fault in a resolver is answered typed and retryable; anything else stays masked', () => {
  const fault = formatError({ message: 'connect ECONNREFUSED', path: ['login'] }, new GraphQLError('connect ECONNREFUSED', { originalError: withCode('ECONNREFUSED'), path: ['login'] }));
  expect(fault.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  expect(fault.message).not.toMatch(/ECONNREFUSED/);
  const bug = formatError({ message: 'boom', path: ['login'] }, new GraphQLError('boom', { originalError: withCode('42P01'), path: ['login'] }));
  expect(bug.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
});
