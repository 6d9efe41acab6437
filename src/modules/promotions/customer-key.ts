import { z } from 'zod';

/**
 * Who is buying, for per-customer limits: the customer's e-mail, lower-cased, until the customers
 * module exists; then its customer id. Either way an opaque key, compared exactly after trimming
 * and lower-casing.
 */
export const customerKey = z.string().trim().toLowerCase().min(1).max(320);
