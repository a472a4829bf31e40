/**
 * The closed set of errors that cross the edge (pages and API). Each carries its message in
 * Bahasa Indonesia and English; the HTTP layer maps them in one place (http/errors.ts).
 */
export interface Bilingual {
  id: string;
  en: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(readonly text: Bilingual) {
    super(`${text.id} / ${text.en}`);
    this.name = new.target.name;
  }
}

/** 404: the subject does not exist, or the actor may not know it exists. */
export class NotFoundError extends AppError {
  readonly status = 404;
}

/** 403: the policy refused the action. */
export class NotAuthorizedError extends AppError {
  readonly status = 403;
  constructor(readonly action: string) {
    super({ id: `Akses ditolak: ${action}`, en: `Access denied: ${action}` });
  }
}

/** 409 in CKAN's envelope: input was invalid; `fields` names each bad field. */
export class ValidationError extends AppError {
  readonly status = 409;
  /** The summary the raiser gave (beside the per-field messages), if any. */
  readonly summary: Bilingual | undefined;
  constructor(
    readonly fields: Record<string, Bilingual[]>,
    summary?: Bilingual,
  ) {
    super(summary ?? { id: 'Masukan tidak valid', en: 'Invalid input' });
    this.summary = summary;
  }
}

/** 409: the state of the subject does not allow this (stale form, illegal transition, duplicate). */
export class ConflictError extends AppError {
  readonly status = 409;
}

/** 400: the request itself is malformed (bad JSON, unknown action). */
export class BadRequestError extends AppError {
  readonly status = 400;
}

/** 429: too many attempts. */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
}

/** 400: a search query (q / fq / sort) CKAN's Solr would refuse; CKAN's "Search Query Error". */
export class SearchQueryError extends AppError {
  readonly status = 400;
}
