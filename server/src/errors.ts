/** An error the API answers with `{ error: { code, message, field? } }` and `status`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what = 'Comment'): ApiError =>
  new ApiError(404, 'not_found', `${what} not found.`);

export const invalidField = (field: string, message: string): ApiError =>
  new ApiError(422, 'invalid_field', message, field);
