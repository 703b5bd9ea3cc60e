/**
 * Names for the shapes of the API, taken from the types generated from the server's OpenAPI document
 * (web/src/generated/api.ts, `npm run api-types`): a change of a response on the server breaks the
 * typecheck here, not the user's screen.
 */
import type { paths } from './generated/api';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<Op> = Op extends { responses: infer R } ? (R extends { 200: infer A } ? JsonOf<A> : R extends { 201: infer B } ? JsonOf<B> : never) : never;
type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer J } } } ? J : never;

/** What `GET path` answers with (its 200 JSON body). */
export type GetResult<P extends keyof paths> = Success<paths[P]['get']>;
/** What `POST path` answers with (its 200 or 201 JSON body), and what it takes. */
export type PostResult<P extends keyof paths> = Success<paths[P]['post']>;
export type PostBody<P extends keyof paths> = BodyOf<paths[P]['post']>;
export type PatchResult<P extends keyof paths> = Success<paths[P]['patch']>;
export type PatchBody<P extends keyof paths> = BodyOf<paths[P]['patch']>;
/** The query parameters `GET path` takes. */
export type GetQuery<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
