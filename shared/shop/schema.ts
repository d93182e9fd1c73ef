import { z } from 'zod';
import { ABBREVIATION_PATTERN, ABBREVIATION_RULE } from './abbreviation';

/** Mode of Payment types ERPNext accepts (CONTRACT §4.9). */
export const PAYMENT_TYPES = ['Cash', 'Bank', 'General', 'Phone'] as const;

/** Frappe refuses names with these characters (NameError, CONTRACT §3.5). */
const FORBIDDEN_NAME = /[<>]/;

const recordName = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(140, `${label} must be at most 140 characters`)
    .refine((value) => !FORBIDDEN_NAME.test(value), `${label} cannot contain < or >`)
    .refine((value) => !value.includes(' - '), `${label} cannot contain " - " (ERPNext uses it to add the company abbreviation)`);

const money = (label: string) => z.number({ error: `${label} must be a number` }).finite().nonnegative(`${label} cannot be negative`);

export const demoItemSchema = z
  .object({
    code: z
      .string({ error: 'Item code must be text' })
      .trim()
      .min(1, 'Item code is required')
      .max(140)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.\-/]*$/u, 'Item code may use letters, digits, spaces, "_", "-", "." and "/" and must start with a letter or digit'),
    name: recordName('Item name'),
    price: money('Price'),
    openingQty: money('Opening quantity').optional(),
  })
  .strict();

/** The shop form's words for `create` (also quoted by the run's hint when a method is missing). */
export const CREATE_MODE_CHOICE = 'Create this mode of payment in ERPNext if it is missing';

export const paymentMethodSchema = z
  .object({
    mode: recordName('Payment method'),
    default: z.boolean().optional(),
    type: z.enum(PAYMENT_TYPES, { error: `Type must be one of ${PAYMENT_TYPES.join(', ')}` }).optional(),
    /** Create this Mode of Payment when the site has none of that name (otherwise a missing one stops the run). */
    create: z.boolean({ error: 'create must be true or false' }).optional(),
  })
  .strict();

const cashier = z
  .string({ error: 'A cashier must be an ERPNext user id (usually an email)' })
  .trim()
  .refine((value) => value === 'Administrator' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'A cashier must be an ERPNext user id (an email, or Administrator)');

export const shopSchema = z
  .object({
    $schema: z.string().optional(),
    company: z
      .object({
        name: recordName('Company name'),
        abbr: z
          .string({ error: 'Abbreviation must be text' })
          .trim()
          .regex(ABBREVIATION_PATTERN, `Abbreviation must be ${ABBREVIATION_RULE}, without spaces`)
          .optional(),
        country: z.string({ error: 'Country is required' }).trim().min(1, 'Country is required'),
        currency: z
          .string({ error: 'Currency is required' })
          .trim()
          .regex(/^[A-Z]{2,3}$/, 'Currency must be an ISO code in capitals, such as USD or EUR'),
        chartOfAccounts: z.string().trim().min(1, 'Chart of accounts cannot be empty').default('Standard'),
      })
      .strict(),
    warehouses: z
      .object({ main: recordName('Main warehouse name').default('Main Store'), pos: recordName('POS warehouse name').default('POS Store') })
      .strict()
      .default({ main: 'Main Store', pos: 'POS Store' }),
    demoItems: z.union([z.boolean(), z.array(demoItemSchema).min(1, 'Give at least one demo item, or true for the default list')]).default(false),
    customer: recordName('Walk-in customer name').default('Walk-in Customer'),
    pos: z
      .object({
        profileName: recordName('POS Profile name').optional(),
        paymentMethods: z.array(paymentMethodSchema).min(1, 'Add at least one payment method'),
        cashiers: z.array(cashier).optional(),
        openingBalances: z.record(z.string(), money('Opening balance')).optional(),
      })
      .strict(),
  })
  .strict();

/** The shop file as written by a person (defaults not yet applied). */
export type ShopFile = z.input<typeof shopSchema>;
/** The shop after validation, with every default filled in. */
export type ShopConfig = z.output<typeof shopSchema>;
export type DemoItem = z.output<typeof demoItemSchema>;
export type PaymentMethod = z.output<typeof paymentMethodSchema>;
