/**
 * Importing the SDK leaves the host's zod alone. zod is a dependency the host shares with the SDK (the library
 * build keeps it external), so whatever the SDK configured globally would change the messages of the host's
 * own schemas. This file imports the SDK only inside the test, after it has looked at zod untouched.
 */
import { expect } from 'chai';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/** A schema of the host's own, with checks the SDK's schemas never use. */
const HostOrderSchema = z.object({ code: z.string().check(z.startsWith('ORD-')), count: z.int() });
const hostMessages = () => {
  const result = HostOrderSchema.safeParse({ code: 'x-1', count: 'two' });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the SDK and the host’s zod', () => {
  it('a host schema reads zod’s default messages before and after the SDK is imported; each keeps its own', async () => {
    const before = hostMessages();
    expect(before, 'zod/mini with no locale configured').to.deep.equal(['Invalid input', 'Invalid input']);

    const sdk = await import('../../sdk/index.js');
    await import('../../sdk/memory.js');
    expect(hostMessages()).to.deep.equal(before);
    expect(z.config().localeError).to.equal(undefined);

    // The SDK still words its own messages, whatever the host configures afterwards.
    const badLead = { name: 'Dana Ruiz', email: 'not-an-email', status: 'new' };
    const sdkMessage = () => {
      try {
        sdk.parseOrThrow(sdk.NewLeadSchema, badLead, 'lead');
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the lead to be refused');
    };
    expect(sdkMessage()).to.equal('lead: email: Invalid email address');
    z.config(en());
    z.config({ customError: (issue) => (issue.code === 'invalid_type' ? 'Host: wrong type' : undefined) });
    try {
      expect(hostMessages()).to.deep.equal(['Invalid string: must start with "ORD-"', 'Host: wrong type']);
      expect(sdkMessage()).to.equal('lead: email: Invalid email address');
    } finally {
      z.config({ localeError: undefined, customError: undefined });
    }
    expect(hostMessages()).to.deep.equal(before);
  });
});
