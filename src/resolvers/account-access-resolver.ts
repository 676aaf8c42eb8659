import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Account } from '../entities/account';
import type { RequestContext } from '../request-context';
import { disableAccount, enableAccount, endSessions, resetPassword } from '../services/accounts/account-access-commands';
import { AccountType } from '../schema/types/account-types';
import { requiredId } from './ids';

/** An administrator's hold over an account's access; none over an account that holds more than the caller. */
@Resolver(() => AccountType)
export class AccountAccessResolver {
  @Mutation(() => AccountType, { description: 'Disables an account: it can no longer sign in, its sessions end and its API keys are revoked at once (khóa tài khoản).' })
  disableAccount(@Arg('id', () => ID, { description: 'Global id of the account.' }) id: string, @Ctx() ctx: RequestContext): Promise<Account> {
    return disableAccount(ctx, requiredId(id, 'Account', 'id'));
  }

  @Mutation(() => AccountType, { description: 'Enables a disabled account again; revoked sessions and API keys stay revoked (mở khóa tài khoản).' })
  enableAccount(@Arg('id', () => ID, { description: 'Global id of the account.' }) id: string, @Ctx() ctx: RequestContext): Promise<Account> {
    return enableAccount(ctx, requiredId(id, 'Account', 'id'));
  }

  @Mutation(() => AccountType, { description: "Sets a person's password and ends every session of the account (đặt lại mật khẩu)." })
  resetPassword(
    @Arg('accountId', () => ID, { description: 'Global id of the person account.' }) accountId: string,
    @Arg('newPassword', { description: 'The new password, 10 to 200 characters; tell it to the person by a safe channel.' }) newPassword: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Account> {
    return resetPassword(ctx, requiredId(accountId, 'Account', 'accountId'), newPassword);
  }

  @Mutation(() => Int, { description: 'Signs an account out everywhere: refresh tokens revoked, access tokens refused from the next request; the number of sessions ended (đăng xuất mọi phiên).' })
  endSessions(@Arg('accountId', () => ID, { description: 'Global id of the account.' }) accountId: string, @Ctx() ctx: RequestContext): Promise<number> {
    return endSessions(ctx, requiredId(accountId, 'Account', 'accountId'));
  }
}
