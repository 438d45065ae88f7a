/**
 * Response schemas for reader-facing routes. Fastify serialises with them (faster than
 * JSON.stringify) and they are an allowlist: a property not named here never leaves the server.
 */
export const commentSchema = {
  $id: 'comment',
  type: 'object',
  properties: {
    id: { type: 'string' },
    threadId: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    author: { type: 'object', properties: { name: { type: 'string' } } },
    body: { type: 'string' },
    createdAt: { type: 'string' },
    editedAt: { type: ['string', 'null'] },
    status: { type: 'string' },
    score: { type: 'integer' },
    replyCount: { type: 'integer' },
    replies: { type: 'array', items: { $ref: 'comment#' } },
  },
} as const;

const comment = { $ref: 'comment#' } as const;

export const pageResponse = {
  200: {
    type: 'object',
    properties: {
      comments: { type: 'array', items: comment },
      nextCursor: { type: ['string', 'null'] },
      total: { type: 'integer' },
    },
  },
} as const;

export const commentResponse = { 200: { type: 'object', properties: { comment } } } as const;

const created = { type: 'object', properties: { comment, editToken: { type: 'string' }, editableUntil: { type: 'string' } } } as const;
export const createdResponse = { 201: created, 202: created } as const;
