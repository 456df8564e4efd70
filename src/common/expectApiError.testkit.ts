// Test-only (named *.testkit.ts: not collected as a test file, not shipped).
import { expect } from 'vitest';
import { ApiError } from './apiError';

/** Awaits a call that must fail with an ApiError, and returns that error for further checks. */
export async function expectApiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
