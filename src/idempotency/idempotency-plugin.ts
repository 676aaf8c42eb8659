import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, type FormattedExecutionResult, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../errors/error-code';
import type { ServerContext } from '../graphql-server';
import { operationFingerprint } from './fingerprint';
import { anyCommitted, claimKey, completeKey, purgeExpiredKeys, releaseKey, type KeyRef, type StoredResponse } from './idempotency-store';
import { KeyLocks } from './key-locks';

/** The request header (IETF draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on a response that is the stored answer of an earlier request. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Root fields whose answers must not be stored: sign-in and token refresh return tokens, the API-key
 * mutations return the key (shown once, kept only hashed). A key on them is refused, not ignored.
 */
const NOT_REPLAYABLE = new Set(['login', 'refreshAccessToken', 'logout', 'createApiKey', 'createServiceAccount']);

/** Printable ASCII, 1 to 255 characters; the draft's quoted form ("…") is accepted too. */
const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

function keyError(code: ErrorCode, reason: string, status: number, retryable = false): GraphQLError {
  return new GraphQLError(`${IDEMPOTENCY_HEADER} ${reason}`, {
    extensions: { code, field: IDEMPOTENCY_HEADER, reason, ...(retryable ? { retryable: true } : {}), http: { status } },
  });
}

function parseKey(raw: string): string {
  const key = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!KEY_FORMAT.test(key)) throw keyError(ErrorCode.BAD_USER_INPUT, 'must be 1 to 255 printable ASCII characters', 400);
  return key;
}

/** Names of the root fields an operation selects, through fragments. */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const names: string[] = [];
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return names;
}

/**
 * Idempotency keys for writes (integrations retrying after a timeout). A mutation sent with an
 * `Idempotency-Key` header runs once per account and key: a repeat with the same operation gets the
 * first answer back, byte for byte (nothing runs, nothing is written), a repeat with another
 * operation gets CONFLICT, and one while the first still runs, however long, CONFLICT with
 * `retryable: true` (the key's lock is held for the whole request: decisions.md §45). Only answers
 * of requests that committed a write are kept (for IDEMPOTENCY_TTL_SECONDS); a request that wrote
 * nothing frees its key for a retry. Queries are safe to repeat and ignore the header. See
 * docs/decisions.md §14.
 */
export function idempotencyPlugin(): ApolloServerPlugin<ServerContext> {
  let locks: KeyLocks | null = null;
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await locks?.close();
        },
      };
    },

    async requestDidStart(): Promise<GraphQLRequestListener<ServerContext>> {
      let claimed: { ref: KeyRef; fingerprint: Buffer; lockId: number } | null = null;
      let replay: StoredResponse | null = null;
      return {
        async didResolveOperation({ request, operation, document, contextValue: ctx }) {
          const raw = request.http?.headers.get(IDEMPOTENCY_HEADER.toLowerCase());
          if (raw === undefined || operation?.operation !== 'mutation') return;
          const key = parseKey(raw);
          if (rootFields(operation, document).some((field) => NOT_REPLAYABLE.has(field))) {
            throw keyError(ErrorCode.BAD_USER_INPUT, 'is not accepted on sign-in, token or API-key operations', 400);
          }
          if (ctx.viewer.accountId === null) throw keyError(ErrorCode.UNAUTHENTICATED, 'is kept per account: sign in', 401);
          const ref = { accountId: ctx.viewer.accountId, key };
          const fingerprint = operationFingerprint(document, request.operationName, request.variables);
          // The session of the locks is the ORM's database, reached the way its pool reaches it.
          locks ??= new KeyLocks(() => {
            const options = ctx.em.getConnection().getConnectionOptions();
            return { host: options.host, port: options.port || undefined, user: options.user, password: typeof options.password === 'string' ? options.password : undefined, database: options.database };
          });
          const claim = await claimKey(ctx.em, locks, ref, fingerprint, ctx.config.idempotencyTtlSeconds, ctx.config.idempotencyLockSeconds);
          if (claim.kind === 'mismatch') throw keyError(ErrorCode.CONFLICT, 'was already used with a different request', 422);
          if (claim.kind === 'in-progress') throw keyError(ErrorCode.CONFLICT, 'belongs to a request that is still in progress', 409, true);
          if (claim.kind === 'replay') replay = claim.response;
          else claimed = { ref, fingerprint, lockId: claim.lockId };
        },

        async responseForOperation() {
          if (!replay) return null;
          return {
            http: { status: replay.status, headers: new HeaderMap([[REPLAYED_HEADER.toLowerCase(), 'true']]) },
            // Apollo prints it back with JSON.stringify, as it printed the first answer: the same bytes.
            body: { kind: 'single', singleResult: JSON.parse(replay.body) as FormattedExecutionResult },
          };
        },

        async willSendResponse({ response, contextValue: ctx }) {
          if (!claimed) return;
          const { ref, fingerprint, lockId } = claimed;
          claimed = null;
          try {
            // Stored whenever a write committed, errors or not: running it again would write twice.
            const wrote = await anyCommitted(ctx.em, ctx.auditEntries.map((e) => e.id).filter((id) => id !== undefined));
            if (wrote && response.body.kind === 'single') {
              const body = JSON.stringify(response.body.singleResult);
              await completeKey(ctx.em, ref, fingerprint, ctx.config.idempotencyTtlSeconds, { status: response.http.status ?? 200, body });
            } else {
              await releaseKey(ctx.em, ref);
            }
            await purgeExpiredKeys(ctx.em);
          } catch (error) {
            // The key stays in progress: retries are a CONFLICT until IDEMPOTENCY_LOCK_SECONDS, then run again.
            ctx.logger.error({ err: error, idempotencyKey: ref.key }, 'could not record the idempotency key');
          } finally {
            // Only once the answer is recorded: a retry then finds it.
            await locks?.unlock(lockId).catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not release an idempotency key lock'));
          }
        },
      };
    },
  };
}
