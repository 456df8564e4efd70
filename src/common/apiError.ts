/** An error that crosses the transport with its code and location intact. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly file?: string, readonly line?: number) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): { code: string; message: string; file?: string; line?: number } {
    return { code: this.code, message: this.message, file: this.file, line: this.line };
  }
}
