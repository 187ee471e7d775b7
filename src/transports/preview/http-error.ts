// An answer the preview server gives a request it will not serve: the status and why, in words for the page.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
