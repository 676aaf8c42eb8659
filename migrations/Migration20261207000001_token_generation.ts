import { Migration } from '@mikro-orm/migrations';

/**
 * Access tokens carry the account's token generation; a logout, a detected refresh-token reuse
 * (and, later, ending all sessions or disabling the account) moves it on, and every access token
 * of an older generation is refused at once instead of living out its 15 minutes (issue #15).
 * Tokens issued before this column existed carry no generation and count as generation 0.
 */
export class Migration20261207000001_token_generation extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table account add column token_generation int not null default 0');
  }

  override async down(): Promise<void> {
    this.addSql('alter table account drop column token_generation');
  }
}
