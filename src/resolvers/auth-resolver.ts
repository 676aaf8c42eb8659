import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../request-context';
import { login, logout, refreshSession, type Session } from '../services/accounts/login';
import { AuthPayload } from '../schema/types/account-types';

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: 'Signs in with username and password (đăng nhập). Wrong credentials always answer the same UNAUTHENTICATED error; repeated failures are slowed down.',
  })
  login(@Arg('username', { description: 'Login name, not case-sensitive (tên đăng nhập).' }) username: string, @Arg('password', { description: 'Password (mật khẩu).' }) password: string, @Ctx() ctx: RequestContext): Promise<Session> {
    return login(ctx, username, password);
  }

  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for new tokens; the old refresh token stops working (làm mới phiên).' })
  refreshAccessToken(@Arg('refreshToken', { description: 'The refresh token from login or from the previous refresh.' }) refreshToken: string, @Ctx() ctx: RequestContext): Promise<Session> {
    return refreshSession(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends a session by revoking its refresh token (đăng xuất). True when a live token was revoked.' })
  logout(@Arg('refreshToken', { description: 'The refresh token of the session to end.' }) refreshToken: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return logout(ctx, refreshToken);
  }
}
