import { Migration } from '@mikro-orm/migrations';

/**
 * An idempotency key's stored answer as the JSON text that was sent (issue #16 item 4): jsonb
 * reorders an object's keys (shorter first), so a replay came back with its fields in another order
 * than the first answer. Answers stored before keep jsonb's order; new ones are the same bytes.
 */
export class Migration20261208000004_idempotency_response_text extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table idempotency_key alter column response type text using response::text');
  }
}
