import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * The schema has no Subscription type yet; graphql-js only notices at execution, with an error
 * Apollo reports as INTERNAL_SERVER_ERROR. A subscription operation is refused before that, as
 * the client's mistake: 400 BAD_REQUEST (issue #15).
 */
export function noSubscriptionsPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions are not offered by this API over HTTP; send a query or a mutation', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
