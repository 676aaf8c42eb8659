import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';

/** A calendar date, YYYY-MM-DD (ngày). */
export const LocalDate = GraphQLLocalDate;
/** An instant, ISO 8601 with offset (thời điểm). */
export const DateTime = GraphQLDateTimeISO;
/** A JSON object, as stored (đối tượng JSON): audit snapshots. */
export { GraphQLJSONObject as JSONObject } from 'graphql-scalars';
