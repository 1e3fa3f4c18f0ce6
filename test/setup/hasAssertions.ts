import { beforeEach, expect } from "vitest";

// A test that asserts nothing cannot fail: every test must make at least one assertion.
beforeEach(() => {
  expect.hasAssertions();
});
