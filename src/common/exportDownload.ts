/**
 * Browser mode downloads an export from this path (POST, with the token header and the body
 * `{"args": [ExportRequest]}` as an API call; the arguments are checked as `exportToFile`'s). The
 * response is the export file itself, streamed, with its name in Content-Disposition and
 * EXPORT_HEADERS.filename, and its warnings in EXPORT_HEADERS.warnings (a URI-encoded JSON list of
 * at most the first 50) with their total in EXPORT_HEADERS.warningCount. An error is a 4xx/5xx
 * response with a JSON `{error}` body, as an API call's.
 */
export const EXPORT_DOWNLOAD_PATH = '/download/export';

export const EXPORT_HEADERS = {
  filename: 'X-Gloss-Export-Filename',
  warnings: 'X-Gloss-Export-Warnings',
  warningCount: 'X-Gloss-Export-Warning-Count',
} as const;
