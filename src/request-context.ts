import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from './auth/viewer';
import type { Config } from './config';
import type { AuditEntry } from './entities/audit-entry';
import type { Loaders } from './loaders/loaders';

/** Everything request-scoped, built once per request and passed to every service call. */
export interface RequestContext {
  readonly em: EntityManager;
  readonly viewer: Viewer;
  readonly loaders: Loaders;
  readonly requestId: string;
  readonly logger: Logger;
  readonly config: Config;
  /** Audit entries this request created (committed or not): how the idempotency layer tells a write happened. */
  readonly auditEntries: AuditEntry[];
}
